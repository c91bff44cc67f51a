package com.bigbox.autonomic.projections;

import com.bigbox.core.Position;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.Optional;

/**
 * What the projections read from the log and where they write. Reads count only events up to
 * {@code upTo} in the commit order, so a rebuild that replays the log computes every row exactly as the
 * live projection did when it was at that event.
 */
public interface ProjectionStore {
    AgentWindowFacts agentWindow(
            UnitOfWork work, String agentId, Instant windowStart, Instant windowEnd, Position upTo);

    void saveAgentMetrics(UnitOfWork work, AgentMetrics metrics);

    ClientActivity clientActivity(UnitOfWork work, String clientId, Position upTo);

    /** Writes the row; returns the status it had before, if it existed. */
    Optional<String> saveClientHealth(UnitOfWork work, ClientHealth health);

    void resetAgentMetrics(UnitOfWork work);

    void resetClientHealth(UnitOfWork work);
}

package com.bigbox.postgres.autonomic;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read models the API serves as stored: {@code agent_metrics}, {@code client_health}, SOP execution
 * figures, and the event views of the original engine's API. Run in the caller's transaction (RLS).
 */
public final class PgAutonomicReads {
    private static final String AGENT_METRICS = SqlResource.load(PgAutonomicReads.class, "agent_metrics");
    private static final String AGENT_PERFORMANCE = SqlResource.load(PgAutonomicReads.class, "agent_performance");
    private static final String CLIENT_HEALTH = SqlResource.load(PgAutonomicReads.class, "client_health");
    private static final String SOP_METRICS = SqlResource.load(PgAutonomicReads.class, "sop_metrics");

    public List<Map<String, Object>> agentMetrics(UnitOfWork work, String agentId, Instant since, int limit) {
        return Jdbc.maps(work, AGENT_METRICS, s -> {
            s.setString(1, agentId);
            s.setString(2, agentId);
            s.setTimestamp(3, Jdbc.timestamp(since));
            s.setTimestamp(4, Jdbc.timestamp(since));
            s.setInt(5, limit);
        });
    }

    public List<Map<String, Object>> agentPerformance(UnitOfWork work, String agentId, Instant since) {
        return Jdbc.maps(work, AGENT_PERFORMANCE, s -> {
            s.setTimestamp(1, Jdbc.timestamp(since));
            s.setString(2, agentId);
            s.setString(3, agentId);
        });
    }

    public List<Map<String, Object>> clientHealth(UnitOfWork work, String status, int limit) {
        return Jdbc.maps(work, CLIENT_HEALTH, s -> {
            s.setString(1, status);
            s.setString(2, status);
            s.setString(3, null);
            s.setString(4, null);
            s.setInt(5, limit);
        });
    }

    public Optional<Map<String, Object>> clientHealth(UnitOfWork work, String clientId) {
        return Jdbc.maps(work, CLIENT_HEALTH, s -> {
                    s.setString(1, null);
                    s.setString(2, null);
                    s.setString(3, clientId);
                    s.setString(4, clientId);
                    s.setInt(5, 1);
                })
                .stream()
                .findFirst();
    }

    public List<Map<String, Object>> sopMetrics(UnitOfWork work, String sopId) {
        return Jdbc.maps(work, SOP_METRICS, s -> {
            s.setString(1, sopId);
            s.setString(2, sopId);
        });
    }
}

package com.bigbox.autonomic.approvals;

import com.bigbox.core.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * When an approval's time is up: by default wall-clock time; where the SOP of the approval's flow
 * keeps to business hours, only open time counts (see notifications' {@code BusinessDeadlines}).
 */
@FunctionalInterface
public interface Deadlines {
    Deadlines WALL_CLOCK = (work, correlationId, start, amount) -> start.plus(amount);

    /** {@code amount} of countable time after {@code start}, for an approval of the flow {@code correlationId} (may be null). */
    Instant after(UnitOfWork work, UUID correlationId, Instant start, Duration amount);
}

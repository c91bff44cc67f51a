package com.bigbox.postgres;

import java.time.Duration;
import java.util.UUID;

/**
 * How long a subscription waits before it retries a handler that failed: the wait doubles (up to 30 s) while one
 * event keeps failing, and the next event to fail, or a batch handled, starts afresh at 100 ms.
 */
final class HandlerBackoff {
    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(30);

    private Duration next = FIRST;
    private UUID failing;

    void reset() {
        next = FIRST;
    }

    /** The wait before retrying after {@code eventId} failed; the one after it is twice as long. */
    Duration failedOn(UUID eventId) {
        if (!eventId.equals(failing)) {
            failing = eventId;
            next = FIRST;
        }
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
        return wait;
    }
}

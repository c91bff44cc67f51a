package com.bigbox.autonomic.agents;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Counts failed attempts per event, so that an event an agent cannot handle is retried a bounded number
 * of times and then handed to a person, instead of holding its subscription forever. Counts live in
 * memory: after a failover the new owner tries again, still a bounded number of times.
 */
public final class HandlerFailures {
    public record Failure(int attempts, String lastError) {}

    private final int maxAttempts;
    private final Map<UUID, Failure> failures = new ConcurrentHashMap<>();

    public HandlerFailures(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** The failure that exhausted the attempts for {@code eventId}, or null while attempts remain. */
    public @Nullable Failure exhausted(UUID eventId) {
        Failure failure = failures.get(eventId);
        return failure != null && failure.attempts() >= maxAttempts ? failure : null;
    }

    public void record(UUID eventId, Exception e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        failures.merge(eventId, new Failure(1, error), (old, fresh) -> new Failure(old.attempts() + 1, error));
    }

    public void clear(UUID eventId) {
        failures.remove(eventId);
    }
}

package com.bigbox.autonomic.scheduling;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A job to run at {@code runAt} (and every {@code every} after that, when set). Scheduling the same
 * {@code kind} and {@code key} again replaces the pending job, so callers need not check first.
 */
public record JobRequest(
        String kind, String key, Instant runAt, @Nullable Duration every, String payload) {
    public JobRequest {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a job needs a kind");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a job needs a key");
        }
        if (runAt == null) {
            throw new IllegalArgumentException("a job needs a time to run");
        }
        if (every != null && (every.isNegative() || every.isZero() || every.toSeconds() < 1)) {
            throw new IllegalArgumentException("a recurring job's period must be at least one second, was " + every);
        }
        payload = payload == null ? "{}" : payload;
    }

    public static JobRequest once(String kind, String key, Instant runAt, String payload) {
        return new JobRequest(kind, key, runAt, null, payload);
    }

    public static JobRequest recurring(String kind, String key, Instant firstRun, Duration every) {
        return new JobRequest(kind, key, firstRun, every, "{}");
    }
}

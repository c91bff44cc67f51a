package com.bigbox.autonomic.notifications;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How long a failed delivery waits before its next try: doubling from {@code first}, at most
 * {@code max}; after {@code attempts} tries it goes to the dead-letter list.
 */
public record Backoff(Duration first, Duration max, int attempts) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30), 6);

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || attempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max and at least one attempt");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based), or null when that was the last one. */
    public @Nullable Duration after(int attempt) {
        if (attempt >= attempts) {
            return null;
        }
        Duration wait = first.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}

package com.bigbox.autonomic;

import java.time.Duration;
import java.time.Instant;

/**
 * Too soon to do it again (e.g. another reminder): HTTP 429, with when it will be allowed (business time)
 * and how long that is from now by the service's clock.
 */
public class ThrottledException extends RuntimeException {
    private final Instant allowedAt;
    private final Duration retryAfter;

    public ThrottledException(String message, Instant allowedAt, Duration retryAfter) {
        super(message);
        this.allowedAt = allowedAt;
        this.retryAfter = retryAfter;
    }

    public Instant allowedAt() {
        return allowedAt;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

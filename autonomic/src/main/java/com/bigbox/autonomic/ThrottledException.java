package com.bigbox.autonomic;

import java.time.Instant;

/** Too soon to do it again (e.g. another reminder): HTTP 429, with when it will be allowed. */
public class ThrottledException extends RuntimeException {
    private final Instant allowedAt;

    public ThrottledException(String message, Instant allowedAt) {
        super(message);
        this.allowedAt = allowedAt;
    }

    public Instant allowedAt() {
        return allowedAt;
    }
}

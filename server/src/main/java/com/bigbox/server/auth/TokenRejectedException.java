package com.bigbox.server.auth;

/** A request without usable credentials: none, forged, tampered, of an unknown role, or expired (HTTP 401). */
public final class TokenRejectedException extends RuntimeException {
    private final boolean expired;

    public TokenRejectedException(String message, boolean expired) {
        super(message);
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}

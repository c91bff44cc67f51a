package com.bigbox.server.auth;

/**
 * A refusal of {@code /auth/v1}, answered in GoTrue's shape
 * ({@code {"code": status, "error_code": ..., "msg": ...}}) so supabase-js reports it as an AuthError.
 */
public final class AuthException extends RuntimeException {
    private final int status;
    private final String errorCode;
    private final Long retryAfterSeconds;

    public AuthException(int status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    private AuthException(int status, String errorCode, String message, Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds to send as {@code Retry-After}, or null: every 429 says when to come back. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static AuthException tooManyAttempts(String message, long retryAfterSeconds) {
        return new AuthException(429, "over_request_rate_limit", message, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    static AuthException badRequest(String errorCode, String message) {
        return new AuthException(400, errorCode, message);
    }

    static AuthException invalidCredentials() {
        return new AuthException(400, "invalid_credentials", "Invalid login credentials");
    }

    static AuthException forbidden(String errorCode, String message) {
        return new AuthException(403, errorCode, message);
    }
}

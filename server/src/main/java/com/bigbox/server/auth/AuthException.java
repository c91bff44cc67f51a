package com.bigbox.server.auth;

/**
 * A refusal of {@code /auth/v1}, answered in GoTrue's shape
 * ({@code {"code": status, "error_code": ..., "msg": ...}}) so supabase-js reports it as an AuthError.
 */
public final class AuthException extends RuntimeException {
    private final int status;
    private final String errorCode;

    public AuthException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
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

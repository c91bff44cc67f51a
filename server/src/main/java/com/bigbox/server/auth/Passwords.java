package com.bigbox.server.auth;

import org.springframework.security.crypto.bcrypt.BCrypt;

/** Password hashing with bcrypt (Spring Security's implementation), and the rules a new password meets. */
final class Passwords {
    static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    static final int MAX_BYTES = 72;

    private final int cost;
    // Compared against when the e-mail is unknown, so a wrong e-mail costs as long as a wrong password.
    private final String decoy;

    Passwords(int cost) {
        this.cost = cost;
        this.decoy = BCrypt.hashpw("decoy-password-for-unknown-users", BCrypt.gensalt(cost));
    }

    String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash == null ? decoy : hash);
    }

    /** Null when acceptable, else what is wrong. */
    static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "password must have at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "password must have at most " + MAX_BYTES + " bytes";
        }
        return null;
    }
}

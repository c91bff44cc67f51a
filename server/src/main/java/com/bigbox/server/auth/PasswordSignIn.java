package com.bigbox.server.auth;

import com.bigbox.postgres.access.StoredUser;
import com.bigbox.postgres.access.UserStore;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password grant: e-mail and password, then the second factor when the user has one, each attempt counted by
 * the {@link SignInGuard} before the credentials are checked; a success starts a session at the level reached
 * ({@code aal1}, or {@code aal2} with a second factor).
 */
final class PasswordSignIn {
    private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);

    private final UserStore users;
    private final Passwords passwords;
    private final SignInGuard guard;
    private final TotpFactors totp;
    private final SignedInSessions sessions;

    PasswordSignIn(
            UserStore users, Passwords passwords, SignInGuard guard, TotpFactors totp, SignedInSessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.guard = guard;
        this.totp = totp;
        this.sessions = sessions;
    }

    AuthService.Session signIn(String email, String password, String totpCode, String recoveryCode) {
        if (email == null || password == null) {
            throw AuthException.badRequest("validation_failed", "email and password are required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        String account = SecretHash.of(normalized);
        StoredUser user = users.byEmail(normalized).orElse(null);
        // Counted before the check: a wrong password, TOTP code or recovery code stays counted, a success forgets.
        if (guard.attempt(account, user == null ? null : user.id()) instanceof SignInGuard.Verdict.Refuse refused) {
            long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
            throw AuthException.tooManyAttempts(
                    "too many failed sign-ins for this account: retry in " + seconds + "s", seconds);
        }
        if (!passwords.matches(password, user == null ? null : user.passwordHash()) || user == null) {
            throw AuthException.invalidCredentials();
        }
        String level = "aal1";
        if (user.totpEnabled()) {
            totp.check(user, totpCode, recoveryCode);
            level = "aal2";
        }
        guard.succeeded(account);
        users.signedIn(user.id());
        return sessions.start(user, level);
    }

    /** Lifts a sign-in lock, an audit event; whether one was in force. */
    boolean unlock(StoredUser user, String by) {
        boolean unlocked = guard.unlock(SecretHash.of(user.email()), user.id(), by);
        log.info(
                "Account {} unlocked by {} ({})",
                user.id(),
                by,
                unlocked ? "was locked or backing off" : "was not locked");
        return unlocked;
    }
}

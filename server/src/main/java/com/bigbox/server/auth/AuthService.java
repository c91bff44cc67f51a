package com.bigbox.server.auth;

import com.bigbox.postgres.access.RefreshTokenStore;
import com.bigbox.postgres.access.SignInAttempts;
import com.bigbox.postgres.access.StoredUser;
import com.bigbox.postgres.access.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * E-mail + password users and their sessions, as {@code /auth/v1} and {@code bigbox users} use them: sign-up (when
 * enabled), creation by the service role, password and refresh-token grants, logout, and an optional TOTP second
 * factor with recovery codes. Each job has its class — {@link UserAccounts}, {@link PasswordSignIn} (with the
 * {@link SignInGuard}'s lockout), {@link SignedInSessions}, {@link TotpFactors} — and this puts them together.
 */
public final class AuthService {
    private final Options options;
    private final UserAccounts accounts;
    private final SignedInSessions sessions;
    private final TotpFactors totp;
    private final PasswordSignIn signIn;

    /**
     * @param signupEnabled whether anyone holding the anon key may create a (client) account
     * @param refreshLifetime how long a refresh token may be used
     * @param bcryptCost bcrypt's work factor (10 takes about 70 ms)
     * @param totpIssuer the name authenticator apps show
     */
    public record Options(boolean signupEnabled, Duration refreshLifetime, int bcryptCost, String totpIssuer) {}

    /** A signed-in session as {@code /auth/v1/token} returns it. */
    public record Session(Tokens.IssuedToken access, String refreshToken, StoredUser user) {}

    /** A TOTP secret waiting for its first code. */
    public record TotpEnrollment(UUID factorId, String secret, String uri) {}

    public AuthService(
            UserStore users,
            SignInAttempts attempts,
            RefreshTokenStore refreshTokens,
            Sessions sessions,
            Tokens tokens,
            Clock clock,
            Options options) {
        this.options = options;
        var random = new SecureRandom();
        var passwords = new Passwords(options.bcryptCost());
        this.accounts = new UserAccounts(users, passwords, sessions);
        this.sessions =
                new SignedInSessions(users, refreshTokens, sessions, tokens, clock, options.refreshLifetime(), random);
        this.totp = new TotpFactors(users.secondFactors(), clock, options.totpIssuer(), random);
        this.signIn = new PasswordSignIn(users, passwords, new SignInGuard(attempts, clock), totp, this.sessions);
    }

    public boolean signupEnabled() {
        return options.signupEnabled();
    }

    /** Self sign-up: a client user whose client is its own, until an administrator assigns one. */
    public Session signUp(String email, String password) {
        if (!options.signupEnabled()) {
            throw AuthException.forbidden("signup_disabled", "Signups not allowed for this instance");
        }
        UUID clientId = UUID.randomUUID();
        StoredUser user = createUser(email, password, "client", "client-" + clientId);
        return sessions.start(user, "aal1");
    }

    public StoredUser createUser(String email, String password, String appRole, String clientId) {
        return accounts.create(email, password, appRole, clientId);
    }

    public Session signIn(String email, String password, String totpCode, String recoveryCode) {
        return signIn.signIn(email, password, totpCode, recoveryCode);
    }

    /** Lifts a sign-in lock (the CEO or the service key), an audit event; whether one was in force. */
    public boolean unlock(UUID id, String by) {
        return signIn.unlock(user(id), by);
    }

    public Session refresh(String refreshToken) {
        return sessions.refresh(refreshToken);
    }

    /** Ends the caller's session (or every session of the user): its tokens stop working on every surface. */
    public void logout(Caller caller, boolean everywhere) {
        sessions.logout(caller, everywhere);
    }

    /** The signed-in user behind a token whose session is still open. */
    public StoredUser currentUser(Caller caller) {
        return sessions.currentUser(caller);
    }

    public TotpEnrollment enrollTotp(Caller caller) {
        return totp.enroll(currentUser(caller));
    }

    /** Confirms the pending secret with a first code; returns the recovery codes, shown only now. */
    public List<String> verifyTotp(Caller caller, String code) {
        return totp.verify(currentUser(caller), code);
    }

    /** Removes the factor; needs a current code (or a recovery code) so a stolen token alone cannot. */
    public void disableTotp(Caller caller, String code, String recoveryCode) {
        totp.disable(currentUser(caller), code, recoveryCode);
    }

    public int recoveryCodesLeft(StoredUser user) {
        return totp.recoveryCodesLeft(user);
    }

    public List<StoredUser> list(int limit, int offset) {
        return accounts.list(limit, offset);
    }

    public StoredUser user(UUID id) {
        return accounts.user(id);
    }

    public StoredUser update(UUID id, String appRole, boolean setClientId, String clientId, String password) {
        return accounts.update(id, appRole, setClientId, clientId, password);
    }

    public void delete(UUID id) {
        accounts.delete(id);
    }
}

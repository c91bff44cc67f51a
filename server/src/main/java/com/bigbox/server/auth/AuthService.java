package com.bigbox.server.auth;

import com.bigbox.postgres.access.RefreshTokenStore;
import com.bigbox.postgres.access.RefreshTokenStore.Rotation;
import com.bigbox.postgres.access.SignInAttempts;
import com.bigbox.postgres.access.StoredUser;
import com.bigbox.postgres.access.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail + password users and their sessions: sign-up (when enabled), creation by the service role,
 * password and refresh-token grants, logout, and an optional TOTP second factor with recovery codes.
 */
public final class AuthService {
    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    static final Set<String> APP_ROLES = Set.of("ceo", "employee", "client");
    private static final int RECOVERY_CODES = 10;

    private final UserStore users;
    private final RefreshTokenStore refreshTokens;
    private final Sessions sessions;
    private final Tokens tokens;
    private final Clock clock;
    private final Options options;
    private final Passwords passwords;
    private final SignInGuard guard;
    private final SecureRandom random = new SecureRandom();

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
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
        this.options = options;
        this.passwords = new Passwords(options.bcryptCost());
        this.guard = new SignInGuard(attempts, clock);
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
        return startSession(user, "aal1");
    }

    public StoredUser createUser(String email, String password, String appRole, String clientId) {
        String normalized = email(email);
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw AuthException.badRequest("weak_password", problem);
        }
        String role = appRole == null ? "employee" : appRole;
        checkRole(role, clientId);
        StoredUser user = refused(() -> users.create(normalized, passwords.hash(password), role, clientId));
        log.info("User {} created ({}{})", user.id(), role, clientId == null ? "" : ", client " + clientId);
        return user;
    }

    public Session signIn(String email, String password, String totpCode, String recoveryCode) {
        if (email == null || password == null) {
            throw AuthException.badRequest("validation_failed", "email and password are required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        String account = hash(normalized);
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
            secondFactor(user, totpCode, recoveryCode);
            level = "aal2";
        }
        guard.succeeded(account);
        users.signedIn(user.id());
        return startSession(user, level);
    }

    /** Lifts a sign-in lock (the CEO or the service key), an audit event; whether one was in force. */
    public boolean unlock(UUID id, String by) {
        StoredUser user = user(id);
        boolean unlocked = guard.unlock(hash(user.email()), user.id(), by);
        log.info("Account {} unlocked by {} ({})", id, by, unlocked ? "was locked or backing off" : "was not locked");
        return unlocked;
    }

    public Session refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw AuthException.badRequest("validation_failed", "refresh_token is required");
        }
        String next = newRefreshToken();
        Rotation rotation = refreshTokens.rotate(
                hash(refreshToken), hash(next), clock.instant().plus(options.refreshLifetime()));
        return switch (rotation) {
            case Rotation.Rotated r -> {
                StoredUser user = users.byId(r.userId())
                        .orElseThrow(() -> AuthException.badRequest("user_not_found", "the user no longer exists"));
                yield new Session(tokens.accessToken(user, r.sessionId(), "aal1"), next, user);
            }
            case Rotation.Reused r -> {
                log.warn("A used refresh token was presented again; session {} revoked", r.sessionId());
                throw AuthException.badRequest("refresh_token_already_used", "Invalid Refresh Token: Already Used");
            }
            case Rotation.SessionEnded ended -> {
                log.debug(
                        "A refresh token of session {}, which has ended (signed out), was refused", ended.sessionId());
                throw AuthException.badRequest(
                        "session_not_found", "Invalid Refresh Token: the session has ended (signed out)");
            }
            case Rotation.Expired e ->
                throw AuthException.badRequest("refresh_token_expired", "Invalid Refresh Token: Expired");
            case Rotation.Unknown u ->
                throw AuthException.badRequest(
                        "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
        };
    }

    /** Ends the caller's session (or every session of the user): its tokens stop working on every surface. */
    public void logout(Caller caller, boolean everywhere) {
        StoredUser user = currentUser(caller);
        if (everywhere || caller.sessionId() == null) {
            sessions.revokeUser(user.id());
        } else {
            sessions.revokeSession(user.id(), caller.sessionId());
        }
    }

    /** The signed-in user behind a token whose session is still open. */
    public StoredUser currentUser(Caller caller) {
        if (!caller.isUser()) {
            throw AuthException.forbidden(
                    "no_authorization", "This endpoint requires a user's access token, not an API key");
        }
        UUID id;
        try {
            id = UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            throw AuthException.forbidden("bad_jwt", "the token's sub is not a user id");
        }
        if (caller.sessionId() != null && !refreshTokens.sessionActive(caller.sessionId())) {
            throw new AuthException(401, "session_not_found", "Session from session_id claim in JWT does not exist");
        }
        return users.byId(id)
                .orElseThrow(
                        () -> new AuthException(401, "user_not_found", "User from sub claim in JWT does not exist"));
    }

    public TotpEnrollment enrollTotp(Caller caller) {
        StoredUser user = currentUser(caller);
        String secret = Totp.newSecret(random);
        if (!users.setPendingTotp(user.id(), secret)) {
            throw AuthException.badRequest("mfa_factor_exists", "a verified TOTP factor is active; remove it first");
        }
        return new TotpEnrollment(user.id(), secret, Totp.uri(options.totpIssuer(), user.email(), secret));
    }

    /** Confirms the pending secret with a first code; returns the recovery codes, shown only now. */
    public List<String> verifyTotp(Caller caller, String code) {
        StoredUser user = currentUser(caller);
        if (user.totpSecret() == null || user.totpEnabled()) {
            throw AuthException.badRequest("mfa_factor_not_found", "no TOTP factor is waiting for verification");
        }
        OptionalLong step = Totp.verify(user.totpSecret(), code, clock.instant());
        if (step.isEmpty()) {
            throw AuthException.badRequest("mfa_verification_failed", "Invalid TOTP code entered");
        }
        var codes = new ArrayList<String>();
        var hashes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(hash(recovery));
        }
        if (!users.enableTotp(user.id(), step.getAsLong(), hashes)) {
            throw AuthException.badRequest("mfa_factor_not_found", "no TOTP factor is waiting for verification");
        }
        log.info("User {} turned on TOTP", user.id());
        return codes;
    }

    /** Removes the factor; needs a current code (or a recovery code) so a stolen token alone cannot. */
    public void disableTotp(Caller caller, String code, String recoveryCode) {
        StoredUser user = currentUser(caller);
        if (user.totpEnabled()) {
            secondFactor(user, code, recoveryCode);
        }
        users.disableTotp(user.id());
        log.info("User {} turned off TOTP", user.id());
    }

    public int recoveryCodesLeft(StoredUser user) {
        return users.recoveryCodesLeft(user.id());
    }

    public List<StoredUser> list(int limit, int offset) {
        return users.list(limit, offset);
    }

    public StoredUser user(UUID id) {
        return users.byId(id).orElseThrow(() -> new AuthException(404, "user_not_found", "User not found"));
    }

    public StoredUser update(UUID id, String appRole, boolean setClientId, String clientId, String password) {
        StoredUser current = user(id);
        String role = appRole == null ? current.appRole() : appRole;
        String client = setClientId ? clientId : current.clientId();
        if (appRole != null && !"client".equals(appRole) && !setClientId) {
            client = null;
        }
        checkRole(role, client);
        if (password != null) {
            String problem = Passwords.problem(password);
            if (problem != null) {
                throw AuthException.badRequest("weak_password", problem);
            }
        }
        String finalClient = client;
        StoredUser updated = refused(() ->
                        users.update(id, role, true, finalClient, password == null ? null : passwords.hash(password)))
                .orElseThrow(() -> new AuthException(404, "user_not_found", "User not found"));
        if (password != null
                || !role.equals(current.appRole())
                || !java.util.Objects.equals(finalClient, current.clientId())) {
            // Rights changed: existing sessions must sign in again to get tokens with the new claims.
            sessions.revokeUser(id);
        }
        return updated;
    }

    public void delete(UUID id) {
        sessions.revokeUser(id);
        if (!users.delete(id)) {
            throw new AuthException(404, "user_not_found", "User not found");
        }
        log.info("User {} deleted", id);
    }

    private void secondFactor(StoredUser user, String totpCode, String recoveryCode) {
        if (totpCode != null && !totpCode.isBlank()) {
            OptionalLong step = Totp.verify(user.totpSecret(), totpCode.strip(), clock.instant());
            if (step.isPresent() && users.acceptTotpStep(user.id(), step.getAsLong())) {
                return;
            }
            throw new AuthException(401, "mfa_verification_failed", "Invalid TOTP code entered");
        }
        if (recoveryCode != null && !recoveryCode.isBlank()) {
            if (users.useRecoveryCode(user.id(), hash(recoveryCode.strip().toLowerCase(Locale.ROOT)))) {
                log.info("User {} signed in with a recovery code", user.id());
                return;
            }
            throw new AuthException(401, "mfa_verification_failed", "Invalid recovery code");
        }
        throw new AuthException(
                401, "mfa_required", "This account has a second factor: send totp_code (or recovery_code)");
    }

    private Session startSession(StoredUser user, String level) {
        UUID sessionId = UUID.randomUUID();
        String refresh = newRefreshToken();
        refreshTokens.issue(hash(refresh), user.id(), sessionId, clock.instant().plus(options.refreshLifetime()));
        return new Session(tokens.accessToken(user, sessionId, level), refresh, user);
    }

    private static void checkRole(String role, String clientId) {
        if (!APP_ROLES.contains(role)) {
            throw AuthException.badRequest(
                    "validation_failed", "app_role must be one of ceo, employee, client; was '" + role + "'");
        }
        if ("client".equals(role) && (clientId == null || clientId.isBlank())) {
            throw AuthException.badRequest("validation_failed", "client_id is required for a client user");
        }
        if (!"client".equals(role) && clientId != null) {
            throw AuthException.badRequest("validation_failed", "client_id is only for client users (app_role client)");
        }
    }

    private static String email(String email) {
        if (email == null || email.isBlank()) {
            throw AuthException.badRequest("validation_failed", "email is required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 320 || !normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw AuthException.badRequest("validation_failed", "email is not a valid e-mail address: '" + email + "'");
        }
        return normalized;
    }

    private static <T> T refused(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (UserStore.UserRefusedException e) {
            if ("email".equals(e.field()) && e.getMessage().contains("already exists")) {
                throw new AuthException(
                        422, "email_exists", "A user with this email address has already been registered");
            }
            throw AuthException.badRequest("validation_failed", e.field() + " " + e.getMessage());
        }
    }

    private String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String recoveryCode() {
        byte[] bytes = new byte[5];
        random.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 5) + "-" + hex.substring(5);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

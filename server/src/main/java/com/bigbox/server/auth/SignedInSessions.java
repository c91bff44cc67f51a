package com.bigbox.server.auth;

import com.bigbox.postgres.access.RefreshTokenStore;
import com.bigbox.postgres.access.RefreshTokenStore.Rotation;
import com.bigbox.postgres.access.StoredUser;
import com.bigbox.postgres.access.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed-in user's session and its tokens: started with an access token and a refresh token (stored as its hash),
 * the refresh token rotated on each use (a reused one revokes the session), ended by logout; and the user behind
 * an access token whose session is still open.
 */
final class SignedInSessions {
    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private final UserStore users;
    private final RefreshTokenStore refreshTokens;
    private final Sessions sessions;
    private final Tokens tokens;
    private final Clock clock;
    private final Duration refreshLifetime;
    private final SecureRandom random;

    SignedInSessions(
            UserStore users,
            RefreshTokenStore refreshTokens,
            Sessions sessions,
            Tokens tokens,
            Clock clock,
            Duration refreshLifetime,
            SecureRandom random) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
        this.refreshLifetime = refreshLifetime;
        this.random = random;
    }

    AuthService.Session start(StoredUser user, String level) {
        UUID sessionId = UUID.randomUUID();
        String refresh = newRefreshToken();
        refreshTokens.issue(
                SecretHash.of(refresh), user.id(), sessionId, clock.instant().plus(refreshLifetime));
        return new AuthService.Session(tokens.accessToken(user, sessionId, level), refresh, user);
    }

    AuthService.Session refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw AuthException.badRequest("validation_failed", "refresh_token is required");
        }
        String next = newRefreshToken();
        Rotation rotation = refreshTokens.rotate(
                SecretHash.of(refreshToken),
                SecretHash.of(next),
                clock.instant().plus(refreshLifetime));
        return switch (rotation) {
            case Rotation.Rotated r -> {
                StoredUser user = users.byId(r.userId())
                        .orElseThrow(() -> AuthException.badRequest("user_not_found", "the user no longer exists"));
                yield new AuthService.Session(tokens.accessToken(user, r.sessionId(), "aal1"), next, user);
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

    void logout(Caller caller, boolean everywhere) {
        StoredUser user = currentUser(caller);
        if (everywhere || caller.sessionId() == null) {
            sessions.revokeUser(user.id());
        } else {
            sessions.revokeSession(user.id(), caller.sessionId());
        }
    }

    StoredUser currentUser(Caller caller) {
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

    private String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

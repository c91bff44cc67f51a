package com.bigbox.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.postgres.access.StoredUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * Issues and verifies the engine's JWTs, HS256 as Supabase issues them: API keys carry only a
 * {@code role}; a user's access token carries {@code sub}, {@code email}, {@code role: authenticated},
 * the app role and, for client users, {@code client_id}. Verification accepts only HS256 signed with
 * our secret (so {@code alg: none}, another key or a changed byte fail) and refuses expired tokens and
 * tokens that never expire (no {@code exp}).
 */
public final class Tokens {
    public static final String ISSUER = "bigbox";
    private static final Duration LEEWAY = Duration.ofSeconds(5);

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;
    private final Duration accessTokenLifetime;

    public Tokens(JwtSecret secret, Clock clock, Duration accessTokenLifetime) {
        this.algorithm = Algorithm.HMAC256(secret.bytes());
        this.clock = clock;
        this.accessTokenLifetime = accessTokenLifetime;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                        .acceptLeeway(LEEWAY.toSeconds())
                        .withClaimPresence("role")
                        .withClaimPresence("exp"))
                .build(clock);
    }

    /** An anon or service_role key, valid for {@code validity} (Supabase's last ten years). */
    public String apiKey(DbRole role, Duration validity) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withClaim("role", role.claim())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(validity))
                .sign(algorithm);
    }

    /** An access token issued for a user at sign-in or refresh. */
    public IssuedToken accessToken(StoredUser user, UUID sessionId, String authenticatorLevel) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(accessTokenLifetime);
        var appMetadata = new LinkedHashMap<String, Object>();
        appMetadata.put("provider", "email");
        appMetadata.put("app_role", user.appRole());
        if (user.clientId() != null) {
            appMetadata.put("client_id", user.clientId());
        }
        var builder = JWT.create()
                .withIssuer(ISSUER)
                .withSubject(user.id().toString())
                .withAudience("authenticated")
                .withClaim("role", DbRole.AUTHENTICATED.claim())
                .withClaim("email", user.email())
                .withClaim("app_role", user.appRole())
                .withClaim("session_id", sessionId.toString())
                .withClaim("aal", authenticatorLevel)
                .withClaim("app_metadata", appMetadata)
                .withIssuedAt(now)
                .withExpiresAt(expiresAt);
        if (user.clientId() != null) {
            builder.withClaim("client_id", user.clientId());
        }
        return new IssuedToken(builder.sign(algorithm), expiresAt, accessTokenLifetime);
    }

    /** A signed access token and when it stops being accepted. */
    public record IssuedToken(String token, Instant expiresAt, Duration lifetime) {}

    /** The caller a token stands for; throws {@link TokenRejectedException} for anything not ours and current. */
    public Caller verify(String token) {
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw new TokenRejectedException("JWT expired", true);
        } catch (JWTVerificationException e) {
            throw new TokenRejectedException("invalid JWT: " + e.getMessage(), false);
        }
        String roleClaim = jwt.getClaim("role").asString();
        DbRole role = DbRole.fromClaim(roleClaim)
                .orElseThrow(() -> new TokenRejectedException(
                        "invalid JWT: role '" + roleClaim + "' is none of anon, authenticated, service_role", false));
        String claims = new String(Base64.getUrlDecoder().decode(jwt.getPayload()), StandardCharsets.UTF_8);
        String subject = jwt.getSubject();
        String session = jwt.getClaim("session_id").asString();
        UUID sessionId;
        try {
            sessionId = session == null ? null : UUID.fromString(session);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException("invalid JWT: session_id is not a UUID", false);
        }
        String rateKey = subject != null ? "user:" + subject : "key:" + role.claim();
        return new Caller(
                role,
                claims,
                subject,
                jwt.getClaim("email").asString(),
                jwt.getClaim("app_role").asString(),
                jwt.getClaim("client_id").asString(),
                sessionId,
                rateKey,
                jwt.getExpiresAtAsInstant());
    }
}

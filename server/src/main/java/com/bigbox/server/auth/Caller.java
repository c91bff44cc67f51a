package com.bigbox.server.auth;

import com.bigbox.postgres.access.DbRole;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A request's verified identity: the database role it acts as and its JWT claims, exactly as signed.
 * Routes that record who did something (e.g. who decided an approval) read it with {@link #of(Context)}.
 *
 * @param claimsJson the verified token's payload, set as {@code request.jwt.claims} for row-level security
 * @param subject the {@code sub} claim (a user's id), or null for API keys
 * @param appRole {@code ceo}, {@code employee} or {@code client} for users, null for API keys
 * @param clientId the client a client user belongs to, else null
 * @param sessionId the sign-in session of a user's token, else null
 * @param rateKey what rate limits count per key: the user, or the API key's role
 * @param expiresAt when the token stops being accepted, or null when it does not say
 */
public record Caller(
        DbRole role,
        String claimsJson,
        String subject,
        String email,
        String appRole,
        String clientId,
        UUID sessionId,
        String rateKey,
        Instant expiresAt) {
    static final String ATTRIBUTE = "bigbox.caller";

    /** The caller of a request that passed the access check, if it carried credentials. */
    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The caller of a realtime socket, verified when it was upgraded. */
    public static Optional<Caller> of(io.javalin.websocket.WsContext ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** Whether the token has expired by {@code now}; long-lived streams and sockets stop serving it then. */
    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * The database role the caller's transactions run as: a CEO's or an employee's token acts as staff, a
     * client's (or any other user's) as {@code authenticated}, confined to its client (migration V50).
     */
    public DbRole databaseRole() {
        return role == DbRole.AUTHENTICATED && ("ceo".equals(appRole) || "employee".equals(appRole))
                ? DbRole.STAFF
                : role;
    }

    /** Whether this is a signed-in user (not an API key). */
    public boolean isUser() {
        return subject != null && role == DbRole.AUTHENTICATED;
    }

    /** How a decision or a change by this caller is recorded: the user's e-mail, else its id, else the key's role. */
    public String actor() {
        if (email != null) {
            return email;
        }
        return subject != null ? subject : role.claim();
    }
}

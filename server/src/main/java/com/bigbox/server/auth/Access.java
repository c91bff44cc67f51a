package com.bigbox.server.auth;

import com.bigbox.postgres.access.DbRole;
import io.javalin.security.RouteRole;
import java.util.Optional;

/**
 * Who may call a route, declared where the route is registered ({@code config.routes.get(path, handler,
 * Access.STAFF)}) and checked by {@link AccessRules} before its handler runs. A route registered without
 * a rule is refused to everyone, so nothing new is open by accident; {@code RouteRoleMatrixIT} reads the
 * route table and fails on such a route.
 *
 * <p>The roles: a signed-in user's app role ({@code ceo}, {@code employee}, {@code client}), the public
 * {@link #ANON} key, the {@link #SERVICE_ROLE} key, and {@link #NO_KEY} for a request without credentials
 * (only the public paths get that far).
 */
public enum Access implements RouteRole {
    CEO,
    EMPLOYEE,
    CLIENT,
    ANON,
    SERVICE_ROLE,
    NO_KEY;

    /** Anyone, with or without a key: probes, the HMAC-signed webhook, the dashboard's public settings. */
    public static final RouteRole[] PUBLIC = values();
    /** Every key and user; row-level security decides what each sees ({@code /rest/v1}, GraphQL, realtime). */
    public static final RouteRole[] ANY_KEY = {CEO, EMPLOYEE, CLIENT, ANON, SERVICE_ROLE};
    /** Signed-in users of any role and the service key: reads that row-level security narrows to the caller. */
    public static final RouteRole[] SIGNED_IN = {CEO, EMPLOYEE, CLIENT, SERVICE_ROLE};
    /** Only a signed-in user (their own account, session, factors). */
    public static final RouteRole[] USER = {CEO, EMPLOYEE, CLIENT};
    /** The agency's people, signed in: what is theirs as persons (their notifications). */
    public static final RouteRole[] PEOPLE = {CEO, EMPLOYEE};
    /** The agency's people and its backends: the engine API beyond a client's own view. */
    public static final RouteRole[] STAFF = {CEO, EMPLOYEE, SERVICE_ROLE};
    /** The CEO and the service key: the CEO's views and the engine's management (agents, SOPs). */
    public static final RouteRole[] ADMIN = {CEO, SERVICE_ROLE};
    /** The CEO alone: deciding the CEO's interrupts, the SQL console. */
    public static final RouteRole[] CEO_ONLY = {CEO};
    /** The service key alone: user administration, as GoTrue's admin API. */
    public static final RouteRole[] SERVICE = {SERVICE_ROLE};

    /**
     * The role of a request's caller ({@link #NO_KEY} without one). A user's token without an app role is
     * a client when it names a client and staff otherwise, as row-level security reads it; an unknown app
     * role is no role at all.
     */
    public static Optional<Access> of(Optional<Caller> caller) {
        if (caller.isEmpty()) {
            return Optional.of(NO_KEY);
        }
        Caller c = caller.get();
        if (c.role() == DbRole.ANON) {
            return Optional.of(ANON);
        }
        if (c.role() == DbRole.SERVICE_ROLE) {
            return Optional.of(SERVICE_ROLE);
        }
        if (c.appRole() == null) {
            return Optional.of(c.clientId() == null ? EMPLOYEE : CLIENT);
        }
        return switch (c.appRole()) {
            case "ceo" -> Optional.of(CEO);
            case "employee" -> Optional.of(EMPLOYEE);
            case "client" -> Optional.of(CLIENT);
            default -> Optional.empty();
        };
    }

    /** The claim or key name as people write it: {@code ceo}, {@code anon}, {@code service_role}, {@code no key}. */
    public String label() {
        return this == NO_KEY ? "no key" : name().toLowerCase(java.util.Locale.ROOT);
    }
}

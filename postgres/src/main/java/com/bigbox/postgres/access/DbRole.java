package com.bigbox.postgres.access;

import java.util.List;
import java.util.Optional;

/**
 * The database roles an API caller acts as. The first three are Supabase's, named as a JWT's {@code role}
 * claim names them; a signed-in user with the ceo or employee app role acts as {@link #STAFF}, which no
 * token can name (migration V50, docs/access.md).
 */
public enum DbRole {
    // Session commands, one per role, not queries: PREPARE (and so SqlResourcesExplainIT) cannot check them.
    ANON("anon", "set local role anon"),
    AUTHENTICATED("authenticated", "set local role authenticated"),
    SERVICE_ROLE("service_role", "set local role service_role"),
    /** Signed-in staff: a member of authenticated, with the engine's internal tables besides. */
    STAFF("bigbox_staff", "set local role bigbox_staff");

    private static final List<DbRole> CLAIMABLE = List.of(ANON, AUTHENTICATED, SERVICE_ROLE);

    private final String claim;
    private final String setLocalRole;

    DbRole(String claim, String setLocalRole) {
        this.claim = claim;
        this.setLocalRole = setLocalRole;
    }

    /** The value of the {@code role} claim and the PostgreSQL role's name. */
    public String claim() {
        return claim;
    }

    String setLocalRole() {
        return setLocalRole;
    }

    public static Optional<DbRole> fromClaim(String claim) {
        return CLAIMABLE.stream().filter(r -> r.claim.equals(claim)).findFirst();
    }
}

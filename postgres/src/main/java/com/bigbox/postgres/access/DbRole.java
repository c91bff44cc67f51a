package com.bigbox.postgres.access;

import com.bigbox.postgres.SqlResource;
import java.util.List;
import java.util.Optional;

/**
 * The database roles an API caller acts as. The first three are Supabase's, named as a JWT's {@code role}
 * claim names them; a signed-in user with the ceo or employee app role acts as {@link #STAFF}, which no
 * token can name (migration V50, docs/access.md).
 */
public enum DbRole {
    ANON("anon", SqlResource.load(DbRole.class, "set_role_anon")),
    AUTHENTICATED("authenticated", SqlResource.load(DbRole.class, "set_role_authenticated")),
    SERVICE_ROLE("service_role", SqlResource.load(DbRole.class, "set_role_service_role")),
    /** Signed-in staff: a member of authenticated, with the engine's internal tables besides. */
    STAFF("bigbox_staff", SqlResource.load(DbRole.class, "set_role_bigbox_staff"));

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

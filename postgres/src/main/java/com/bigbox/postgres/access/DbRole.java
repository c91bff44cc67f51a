package com.bigbox.postgres.access;

import java.util.Arrays;
import java.util.Optional;

/** The database roles an API caller acts as, named as Supabase names them in a JWT's {@code role} claim. */
public enum DbRole {
    ANON("anon", "set local role anon"),
    AUTHENTICATED("authenticated", "set local role authenticated"),
    SERVICE_ROLE("service_role", "set local role service_role");

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
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}

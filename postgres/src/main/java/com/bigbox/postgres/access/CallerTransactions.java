package com.bigbox.postgres.access;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.PgEventStore;
import com.bigbox.postgres.SqlResource;
import java.util.function.Function;

/**
 * Opens transactions as an API caller, the way PostgREST does: {@code SET LOCAL ROLE} to the caller's
 * role and the verified JWT claims in {@code request.jwt.claims}, so that row-level security (and
 * {@code auth.jwt()} in policies) decides what the transaction sees and changes. Both settings end
 * with the transaction, so the pooled connection goes back clean.
 */
public final class CallerTransactions {
    private static final String SET_CLAIMS = SqlResource.load(CallerTransactions.class, "caller_claims");

    private final PgEventStore store;

    public CallerTransactions(PgEventStore store) {
        this.store = store;
    }

    /**
     * @param claimsJson the verified claims as a JSON object; never taken from an unverified token
     */
    public <T> T run(DbRole role, String claimsJson, Function<UnitOfWork, T> work) {
        return store.inTransactionAs(
                connection -> {
                    try (var statement = connection.createStatement()) {
                        statement.execute(role.setLocalRole());
                    }
                    try (var statement = connection.prepareStatement(SET_CLAIMS)) {
                        statement.setString(1, claimsJson);
                        statement.execute();
                    }
                },
                work);
    }
}

package com.bigbox.server.rest;

import com.bigbox.postgres.DatabaseException;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.postgres.rest.RestSession;
import com.bigbox.server.RequestTransactions;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * Runs a request's statements in the caller's transaction ({@link RequestTransactions}: grants and row-level
 * security decide), and answers the database's refusal in PostgREST's shape ({@link PostgrestException#of}).
 */
final class RestTransactions {
    private final RequestTransactions transactions;

    RestTransactions(RequestTransactions transactions) {
        this.transactions = transactions;
    }

    <T> T run(Context ctx, boolean readOnly, Function<RestSession, T> work) {
        boolean anon = CallerSchema.requireCaller(ctx).role() == DbRole.ANON;
        return transactions.run(ctx, unit -> {
            try {
                return work.apply(RestSession.begin(unit, readOnly));
            } catch (DatabaseException e) {
                throw PostgrestException.of(e, anon);
            }
        });
    }
}

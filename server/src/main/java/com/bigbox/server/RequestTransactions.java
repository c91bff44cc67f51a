package com.bigbox.server;

import com.bigbox.core.EventStore;
import com.bigbox.core.UnitOfWork;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * Runs a request's database work in one transaction on the caller's behalf. Routes never touch the
 * store's own connections directly: the access layer opens the transaction as the caller's database
 * role, so that row-level security decides what the request sees and changes.
 */
public interface RequestTransactions {
    <T> T run(Context ctx, Function<UnitOfWork, T> work);

    /** Every request runs with the engine's own rights; for tests of routes that do not depend on the caller. */
    static RequestTransactions privileged(EventStore store) {
        return new RequestTransactions() {
            @Override
            public <T> T run(Context ctx, Function<UnitOfWork, T> work) {
                return store.inTransaction(work);
            }
        };
    }
}

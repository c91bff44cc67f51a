package com.bigbox.server.auth;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.access.CallerTransactions;
import com.bigbox.server.RequestTransactions;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.Function;

/**
 * The engine's {@link RequestTransactions}: each request's work runs in a transaction opened as its
 * verified caller, so row-level security decides. A request that reached a route without credentials
 * (a public path) gets 401 here rather than any rights.
 */
public final class CallerRequestTransactions implements RequestTransactions {
    private final CallerTransactions transactions;
    private final Sessions sessions;
    private final Clock clock;

    public CallerRequestTransactions(CallerTransactions transactions, Sessions sessions, Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public <T> T run(Context ctx, Function<UnitOfWork, T> work) {
        Caller caller = Caller.of(ctx)
                .orElseThrow(
                        () -> new TokenRejectedException("this request needs an API key or a user's token", false));
        return run(caller, work);
    }

    /**
     * Work on behalf of a caller, also outside a request (a realtime socket). A token that expired since
     * it was checked — an SSE stream or a socket outlives it — is refused here, and so is one whose session
     * ended since.
     */
    public <T> T run(Caller caller, Function<UnitOfWork, T> work) {
        if (caller.expired(clock.instant())) {
            throw new TokenRejectedException("JWT expired", true);
        }
        sessions.require(caller);
        return transactions.run(caller.databaseRole(), caller.claimsJson(), work);
    }
}

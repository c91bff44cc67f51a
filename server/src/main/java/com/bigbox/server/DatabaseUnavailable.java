package com.bigbox.server;

import com.bigbox.postgres.DatabaseException;
import io.javalin.http.Context;

/**
 * A request that failed because the database went away for a moment — its connection was terminated
 * ({@code pg_terminate_backend}, a restart, a failover), or no connection could be had — is answered 503
 * with {@code Retry-After}, not 500: the client may retry, and nothing was half done (the transaction did
 * not commit).
 */
public final class DatabaseUnavailable {
    /** Seconds a client should wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private DatabaseUnavailable() {}

    /** Whether {@code failure}, or a cause of it, is the database being unreachable for now. */
    public static boolean causes(Throwable failure) {
        return DatabaseException.connectionLost(failure);
    }

    /** Answers 503 with {@code Retry-After} in the engine API's shape. */
    public static void answer(Context ctx) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        ctx.status(503)
                .json(new ApiError(
                        "database_unavailable",
                        "the database is unavailable for a moment; nothing was stored: retry after "
                                + RETRY_AFTER_SECONDS + "s",
                        null));
    }
}

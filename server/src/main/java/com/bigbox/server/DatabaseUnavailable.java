package com.bigbox.server;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * A request that failed because the database went away for a moment — its connection was terminated
 * ({@code pg_terminate_backend}, a restart, a failover), or no connection could be had — is answered 503
 * with {@code Retry-After}, not 500: the client may retry, and nothing was half done (the transaction did
 * not commit).
 */
public final class DatabaseUnavailable {
    /** Seconds a client should wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 1;
    // admin_shutdown (pg_terminate_backend), crash_shutdown, cannot_connect_now, too_many_connections.
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    /** Whether {@code failure}, or a cause of it, is the database being unreachable for now. */
    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (transientState(sql.getSQLState()) || closedByPool(sql))) {
                return true;
            }
        }
        return false;
    }

    // HikariCP closes a connection it saw break (a class 08 or shutdown state) and answers any later use of it
    // with this plain SQLException, without a SQLSTATE.
    private static boolean closedByPool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /** Whether a SQLSTATE means the connection or the server went away (class 08 or a shutdown). */
    public static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state));
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

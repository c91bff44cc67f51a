package com.bigbox.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A statement the database refused or could not run, with what PostgreSQL said about it (SQLSTATE, message, detail,
 * hint), so that the modules that answer failures (the HTTP server) do so without {@code java.sql}. The
 * {@link SQLException} is the cause; {@link #getMessage()} is its message.
 */
public final class DatabaseException extends RuntimeException {
    // admin_shutdown (pg_terminate_backend), crash_shutdown, cannot_connect_now, too_many_connections.
    private static final Set<String> CONNECTION_LOST_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private final String sqlState;
    private final String serverMessage;
    private final String detail;
    private final String hint;

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
        ServerErrorMessage server = cause instanceof PSQLException p ? p.getServerErrorMessage() : null;
        this.serverMessage = server == null ? cause.getMessage() : server.getMessage();
        this.detail = server == null ? null : server.getDetail();
        this.hint = server == null ? null : server.getHint();
    }

    /** The SQLSTATE, or null when the driver or the pool gave none. */
    public String sqlState() {
        return sqlState;
    }

    /** The server's message without the driver's additions, or the driver's message when the server said nothing. */
    public String serverMessage() {
        return serverMessage;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    /**
     * The SQLSTATE of {@code failure} when it is a database failure (this exception or an {@link SQLException}),
     * else null.
     */
    public static String sqlState(Throwable failure) {
        return switch (failure) {
            case DatabaseException d -> d.sqlState();
            case SQLException sql -> sql.getSQLState();
            case null, default -> null;
        };
    }

    /**
     * Whether {@code failure}, or a cause of it, is the database being unreachable for now: its connection was
     * terminated ({@code pg_terminate_backend}, a restart, a failover), or no connection could be had.
     */
    public static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (connectionLost(sql.getSQLState()) || closedByPool(sql))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a SQLSTATE means the connection or the server went away (class 08 or a shutdown). */
    public static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || CONNECTION_LOST_STATES.contains(sqlState));
    }

    // HikariCP closes a connection it saw break (a class 08 or shutdown state) and answers any later use of it
    // with this plain SQLException, without a SQLSTATE.
    private static boolean closedByPool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }
}

package com.bigbox.postgres.access;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseException;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The sessions the dashboard's SQL console runs its queries in. Each query gets a connection of its own,
 * outside the pool, in a read-only transaction as {@code bigbox_console} (migration V50: it reads what a
 * CEO may read and may not take advisory locks) with the user's claims; the transaction is rolled back
 * and the connection closed afterwards, so nothing the query did — a session lock, a setting, a prepared
 * statement — outlives the request or reaches another caller.
 */
public final class ConsoleSessions {
    private static final String READ_ONLY = SqlResource.load(ConsoleSessions.class, "console_read_only");
    private static final String CONSOLE_ROLE = SqlResource.load(ConsoleSessions.class, "console_role");
    private static final String SET_CLAIMS = SqlResource.load(ConsoleSessions.class, "caller_claims");
    private static final String TIMEOUT = SqlResource.load(ConsoleSessions.class, "console_timeout");
    private static final String QUERY = SqlResource.load(ConsoleSessions.class, "console_query");

    private final Database database;

    public ConsoleSessions(Database database) {
        this.database = database;
    }

    /**
     * Runs an administrator's query in a session of its own, with a statement timeout, through
     * {@code bigbox_dashboard.console_query} (migration V49), which admits exactly one query, for at most
     * {@code maxRows} rows. Each row (a JSON object in column order, as text) goes to {@code row} as it is read,
     * until it answers false.
     *
     * @param claimsJson the verified claims of the user's token
     * @return how long the query took, in milliseconds (opening the session not counted)
     * @throws DatabaseException when the database refused the query or could not be reached
     */
    public long query(String claimsJson, Duration timeout, String sql, int maxRows, Predicate<String> row) {
        try (Connection c = database.openDirect("sql-console")) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute(READ_ONLY);
                s.execute(CONSOLE_ROLE);
            }
            try (var s = c.prepareStatement(SET_CLAIMS)) {
                s.setString(1, claimsJson);
                s.execute();
            }
            try {
                return query(c, timeout, sql, maxRows, row);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static long query(Connection c, Duration timeout, String sql, int maxRows, Predicate<String> row)
            throws SQLException {
        long start = System.nanoTime();
        try (var s = c.prepareStatement(TIMEOUT)) {
            s.setString(1, timeout.toMillis() + "ms");
            s.execute();
        }
        try (var s = c.prepareStatement(QUERY)) {
            s.setString(1, sql);
            s.setInt(2, maxRows);
            s.setFetchSize(100);
            try (var rs = s.executeQuery()) {
                while (rs.next() && row.test(rs.getString(1))) {
                    // the row took it
                }
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}

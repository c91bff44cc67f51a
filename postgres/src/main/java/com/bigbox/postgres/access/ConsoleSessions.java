package com.bigbox.postgres.access;

import com.bigbox.postgres.Database;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The sessions the dashboard's SQL console runs its queries in. Each query gets a connection of its own,
 * outside the pool, in a read-only transaction as {@code bigbox_console} (migration V50: it reads what a
 * CEO may read and may not take advisory locks) with the user's claims; the transaction is rolled back
 * and the connection closed afterwards, so nothing the query did — a session lock, a setting, a prepared
 * statement — outlives the request or reaches another caller.
 */
public final class ConsoleSessions {
    private static final String SET_CLAIMS = "select set_config('request.jwt.claims', ?, true)";

    private final Database database;

    public ConsoleSessions(Database database) {
        this.database = database;
    }

    /** What runs in a console session. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** @param claimsJson the verified claims of the user's token */
    public <T> T run(String claimsJson, Work<T> work) throws SQLException {
        try (Connection c = database.openDirect("sql-console")) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("set transaction read only");
                s.execute("set local role bigbox_console");
            }
            try (var s = c.prepareStatement(SET_CLAIMS)) {
                s.setString(1, claimsJson);
                s.execute();
            }
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        }
    }
}

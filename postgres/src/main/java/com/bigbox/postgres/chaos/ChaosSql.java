package com.bigbox.postgres.chaos;

import com.bigbox.postgres.EventStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The chaos adapters' one translation of a JDBC failure: the caller (the experiment runner in {@code app}) gets
 * an unchecked {@link EventStoreException} with the driver's message unchanged, which it reports as the
 * activity's error, and the {@link SQLException} as its cause.
 */
final class ChaosSql {
    private ChaosSql() {}

    /** A query on a connection of its own. */
    @FunctionalInterface
    interface Query<T> {
        T run() throws SQLException;
    }

    /** A statement whose result nobody reads. */
    @FunctionalInterface
    interface Statement {
        void run() throws SQLException;
    }

    static <T> T query(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    static void execute(Statement statement) {
        try {
            statement.run();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Work on a connection of its own, committed as a whole or rolled back. */
    @FunctionalInterface
    interface Transaction {
        void run(Connection c) throws SQLException;
    }

    static void inOneTransaction(DataSource pool, Transaction work) {
        execute(() -> {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    work.run(c);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        });
    }

    static EventStoreException failed(SQLException e) {
        return new EventStoreException(e.getMessage(), e);
    }
}

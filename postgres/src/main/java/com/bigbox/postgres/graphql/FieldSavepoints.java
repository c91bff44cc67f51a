package com.bigbox.postgres.graphql;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

/**
 * Runs one GraphQL field under a savepoint of the request's transaction: a field that fails is rolled back to where
 * it started, so it does not abort the transaction and the other fields keep their answers.
 */
public final class FieldSavepoints {
    private FieldSavepoints() {}

    /** The field's value; what it threw (a refused statement as {@link DatabaseException}) after the rollback. */
    public static <T> T run(UnitOfWork work, Supplier<T> field) {
        Connection c = work.unwrap(Connection.class);
        Savepoint savepoint;
        try {
            savepoint = c.setSavepoint();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        try {
            T value = field.get();
            c.releaseSavepoint(savepoint);
            return value;
        } catch (SQLException | RuntimeException e) {
            rollback(c, savepoint);
            throw e instanceof SQLException sql ? new DatabaseException(sql) : (RuntimeException) e;
        }
    }

    private static void rollback(Connection c, Savepoint savepoint) {
        try {
            c.rollback(savepoint);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}

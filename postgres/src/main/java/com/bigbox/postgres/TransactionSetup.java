package com.bigbox.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Prepares a transaction's connection before its work runs, e.g. {@code SET LOCAL ROLE} for an API caller. */
@FunctionalInterface
public interface TransactionSetup {
    void prepare(Connection connection) throws SQLException;
}

package com.bigbox.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty database on the test server for one test class, dropped afterwards, so classes run
 * in parallel and leave nothing behind. The server is {@code BIGBOX_TEST_DATABASE_URL} (a JDBC URL of
 * any database on it, as a superuser), by default the machine's PostgreSQL at 127.0.0.1:5432.
 *
 * <pre>{@code @RegisterExtension static final TestDatabase db = new TestDatabase();}</pre>
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    private static final String SERVER = System.getenv().getOrDefault(
            "BIGBOX_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private String name;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String className = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        name = "t_" + className.substring(0, Math.min(30, className.length())) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(SERVER); var statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER); var statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** A JDBC URL of this class's database, with the server's credentials. */
    public String jdbcUrl() {
        int slash = SERVER.indexOf('/', "jdbc:postgresql://".length());
        int query = SERVER.indexOf('?');
        return SERVER.substring(0, slash + 1) + name + (query < 0 ? "" : SERVER.substring(query));
    }

    /** A URL in the libpq form, as a user would set DATABASE_URL. */
    public String databaseUrl() {
        return jdbcUrl().replaceFirst("^jdbc:", "");
    }

    /** A new connection to this class's database, outside any engine pool. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }
}

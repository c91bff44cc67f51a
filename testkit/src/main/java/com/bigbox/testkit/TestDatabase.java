package com.bigbox.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty database on the test server for one test class, dropped afterwards, so classes run
 * in parallel and leave nothing behind. The server is {@code BIGBOX_TEST_DATABASE_URL} (a JDBC URL of
 * any database on it, as a superuser) when set; otherwise the embedded PostgreSQL the test run starts
 * for itself ({@link SharedTestServer}), so a fresh machine needs no server of its own.
 *
 * <pre>{@code @RegisterExtension static final TestDatabase db = new TestDatabase();}</pre>
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    private static final String EXTERNAL = System.getenv("BIGBOX_TEST_DATABASE_URL");

    private String name;

    /** The server's JDBC URL: {@code BIGBOX_TEST_DATABASE_URL} when set, else the run's own embedded server. */
    public static String serverUrl() {
        return EXTERNAL != null && !EXTERNAL.isBlank() ? EXTERNAL : SharedTestServer.jdbcUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String className = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        name = "t_" + className.substring(0, Math.min(30, className.length())) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(serverUrl());
                var statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        try (Connection admin = DriverManager.getConnection(serverUrl());
                var statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** A JDBC URL of this class's database, with the server's credentials. */
    public String jdbcUrl() {
        String server = serverUrl();
        int slash = server.indexOf('/', "jdbc:postgresql://".length());
        int query = server.indexOf('?');
        return server.substring(0, slash + 1) + name + (query < 0 ? "" : server.substring(query));
    }

    /** A URL in the libpq form, as a user would set DATABASE_URL. */
    public String databaseUrl() {
        return jdbcUrl().replaceFirst("^jdbc:", "");
    }

    /** A new connection to this class's database, outside any engine pool. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Runs {@code sql} on a connection of its own, committed. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect();
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The rows of a query, each as its columns' text joined by {@code " | "}: easy to compare with another query's. */
    public List<String> rows(String sql) throws SQLException {
        try (Connection c = connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            var rows = new ArrayList<String>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var cells = new ArrayList<String>();
                for (int i = 1; i <= columns; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join(" | ", cells));
            }
            return rows;
        }
    }
}

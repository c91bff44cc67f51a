package com.bigbox.bench;

import com.bigbox.postgres.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A database created for one benchmark run on the given server, and dropped afterwards. */
final class BenchDatabase implements AutoCloseable {
    private final DatabaseUrl server;
    private final String name;

    private BenchDatabase(DatabaseUrl server, String name) {
        this.server = server;
        this.name = name;
    }

    static BenchDatabase create(DatabaseUrl server) throws SQLException {
        String name = "bigbox_bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.properties());
                var s = admin.createStatement()) {
            s.execute("create database " + name);
            // Message DB's functions call each other unqualified, as its own role's search_path allows.
            s.execute("alter database " + name + " set search_path = \"$user\", public, message_store");
        }
        return new BenchDatabase(server, name);
    }

    DatabaseUrl url() {
        String jdbc = server.jdbcUrl();
        int slash = jdbc.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbc.indexOf('?');
        String rebuilt = jdbc.substring(0, slash + 1) + name + (query < 0 ? "" : jdbc.substring(query));
        return new DatabaseUrl(rebuilt, server.user(), server.password());
    }

    /** What the report says about where it ran. */
    String describe() throws SQLException {
        try (Connection c = DriverManager.getConnection(url().jdbcUrl(), url().properties());
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select version(), current_setting('fsync'), current_setting('synchronous_commit')")) {
            rs.next();
            return rs.getString(1).replaceFirst(" on .*", "") + ", fsync=" + rs.getString(2) + ", synchronous_commit="
                    + rs.getString(3) + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + Runtime.version().feature() + loadAverage();
        }
    }

    // The machine may be shared: its load when the run started says how noisy the absolute figures are.
    private static String loadAverage() {
        try {
            String[] load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return ", load average " + load[0] + " at the start";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.properties());
                var s = admin.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }
}

package com.bigbox.postgres.scratch;

import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server as the simulation and the demo use it: a scratch database is created and dropped by name
 * on a connection of its own, and a database's events are counted before the demo writes there. Names are
 * checked here, where they become SQL: a database name cannot be a parameter.
 */
public final class ScratchServer {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,60}");
    private static final String EVENT_COUNT = SqlResource.load(ScratchServer.class, "event_count");

    private ScratchServer() {}

    /** {@code name} if it may name a scratch database (a-z, 0-9 and _), else an IllegalArgumentException. */
    public static String checkedName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a scratch database name takes a-z, 0-9 and _, was '" + name + "'");
        }
        return name;
    }

    /** Creates database {@code name} on the server of {@code server}. */
    public static void create(DatabaseUrl server, String name) {
        // Built in code: a database name cannot be a bind parameter, so it is checked instead.
        execute(server, "create database " + checkedName(name));
    }

    /** Drops database {@code name} on the server of {@code server}, ending its sessions; nothing if it is gone. */
    public static void drop(DatabaseUrl server, String name) {
        execute(server, "drop database if exists " + checkedName(name) + " with (force)");
    }

    /** The events in database {@code url}: 0 without the schema, counted up to a million. */
    public static long events(DatabaseUrl url) {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.properties());
                var s = c.createStatement();
                var rs = s.executeQuery(EVENT_COUNT)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + url.display() + ": " + e.getMessage(), e);
        }
    }

    private static void execute(DatabaseUrl url, String sql) {
        try (Connection admin = DriverManager.getConnection(url.jdbcUrl(), url.properties());
                var s = admin.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on " + url.display() + ": " + e.getMessage(), e);
        }
    }
}

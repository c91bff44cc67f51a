package com.bigbox.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The engine's connections to one database: a pool for queries, and direct session connections for
 * what must not go through a pool (LISTEN, advisory-lock leases). With Supabase, the URL must be the
 * direct or session-mode connection string: the transaction pooler cannot hold LISTEN or session locks.
 */
public final class Database implements AutoCloseable {
    /**
     * Every engine session bounds how long it may sit idle in a transaction, because an open
     * transaction that has written events holds back real-time delivery for the whole cluster.
     */
    static final String SESSION_SETUP = SqlResource.load(Database.class, "session_setup");

    private final DatabaseUrl url;
    private final HikariDataSource pool;

    public Database(DatabaseUrl url, int poolSize, String applicationName) {
        this(url, poolSize, applicationName, null);
    }

    /** @param meters where the pool reports its connections and waits ({@code hikaricp_*}), or null */
    public Database(DatabaseUrl url, int poolSize, String applicationName, MeterRegistry meters) {
        this.url = url;
        var config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setDataSourceProperties(driverProperties(applicationName));
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setPoolName(applicationName + "-pool");
        config.setConnectionInitSql(SESSION_SETUP);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
        if (meters != null) {
            config.setMetricRegistry(meters);
        }
        this.pool = new HikariDataSource(config);
    }

    /**
     * Connects once, directly, and fails at once with the cause in one line (connection refused, no such
     * database, no such role, wrong password) instead of a pool waiting out its timeout.
     */
    public static void check(DatabaseUrl url) {
        var properties = url.properties();
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "bigbox-check");
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties)) {
            if (!connection.isValid(10)) {
                throw new UnreachableException("cannot connect to " + url.display() + ": it does not answer", null);
            }
        } catch (SQLException e) {
            throw new UnreachableException("cannot connect to " + url.display() + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null
                ? "no reason given"
                : message.lines().findFirst().orElse(message).strip();
    }

    /** The database cannot be reached or refuses the engine's login; the message says why, in one line. */
    public static final class UnreachableException extends IllegalStateException {
        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public DataSource pool() {
        return pool;
    }

    public DatabaseUrl url() {
        return url;
    }

    /** A new connection outside the pool, set up as every engine session is. */
    public Connection openDirect(String purpose) throws SQLException {
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), driverProperties("bigbox-" + purpose));
        try (var statement = connection.createStatement()) {
            statement.execute(SESSION_SETUP);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private java.util.Properties driverProperties(String applicationName) {
        var properties = url.properties();
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("reWriteBatchedInserts", "true");
        return properties;
    }

    @Override
    public void close() {
        pool.close();
    }
}

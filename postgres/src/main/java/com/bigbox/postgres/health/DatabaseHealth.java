package com.bigbox.postgres.health;

import com.bigbox.postgres.EventStoreException;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database side of an instance's readiness: whether the pool gets an answer, and whether appends wait on a
 * lock. A failure comes back as an {@link EventStoreException} with the driver's message, which the health check
 * reports as the reason it is down.
 */
public final class DatabaseHealth {
    private static final String PING = SqlResource.load(DatabaseHealth.class, "ping");
    private static final String BLOCKED_APPENDS = SqlResource.load(DatabaseHealth.class, "blocked_appends");

    /** Appends waiting on a lock: how many, how long the oldest has waited, and the sessions holding them up. */
    public record BlockedAppends(int blocked, double blockedForSeconds, List<Object> blockedByPids) {}

    private final DataSource pool;

    public DatabaseHealth(DataSource pool) {
        this.pool = pool;
    }

    /** Runs a trivial query on a pooled connection. */
    public void ping() {
        try (Connection c = pool.getConnection();
                var s = c.createStatement()) {
            s.execute(PING);
        } catch (SQLException e) {
            throw new EventStoreException(e.getMessage(), e);
        }
    }

    /** The appends that have waited longer than {@code seconds} for a lock on the event tables. */
    public BlockedAppends blockedAppends(double seconds) {
        try (Connection c = pool.getConnection();
                var s = c.prepareStatement(BLOCKED_APPENDS)) {
            s.setDouble(1, seconds);
            try (var rs = s.executeQuery()) {
                rs.next();
                int blocked = rs.getInt(1);
                if (blocked == 0) {
                    return new BlockedAppends(0, 0, List.of());
                }
                return new BlockedAppends(blocked, rs.getDouble(2), List.of((Object[])
                        rs.getArray(3).getArray()));
            }
        } catch (SQLException e) {
            throw new EventStoreException(e.getMessage(), e);
        }
    }
}

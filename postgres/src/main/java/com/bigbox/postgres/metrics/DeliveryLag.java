package com.bigbox.postgres.metrics;

import com.bigbox.core.Position;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * How many committed events a reader has not handled yet. Counting stops at {@link #COUNT_LIMIT}, so
 * a reader that is far behind costs one bounded index scan, not a scan of the whole log.
 */
public final class DeliveryLag {
    public static final long COUNT_LIMIT = 1_000_000;

    private static final String EVENTS_AFTER = SqlResource.load(DeliveryLag.class, "events_after");
    private static final String SUBSCRIPTIONS = SqlResource.load(DeliveryLag.class, "subscription_lags");

    private final DataSource pool;

    public DeliveryLag(DataSource pool) {
        this.pool = pool;
    }

    /**
     * One durable subscription, wherever it runs.
     *
     * @param owner the instance that last took it over
     * @param lagEvents committed events after its checkpoint (at most {@link #COUNT_LIMIT})
     * @param checkpointAgeSeconds how long ago its checkpoint last moved
     */
    public record SubscriptionLag(
            String name, String owner, Position checkpoint, long lagEvents, double checkpointAgeSeconds) {}

    /** Committed events after {@code position}, at most {@link #COUNT_LIMIT}. */
    public long eventsAfter(Position position) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(EVENTS_AFTER)) {
            s.setLong(1, position.transactionSeq());
            s.setLong(2, position.globalPosition());
            s.setLong(3, COUNT_LIMIT);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every durable subscription of the cluster. */
    public List<SubscriptionLag> subscriptions() throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(SUBSCRIPTIONS)) {
            s.setLong(1, COUNT_LIMIT);
            var lags = new ArrayList<SubscriptionLag>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    lags.add(new SubscriptionLag(
                            rs.getString(1),
                            rs.getString(2),
                            new Position(rs.getLong(3), rs.getLong(4)),
                            rs.getLong(6),
                            rs.getDouble(5)));
                }
            }
            return lags;
        }
    }
}

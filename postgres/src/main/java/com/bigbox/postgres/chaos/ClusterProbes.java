package com.bigbox.postgres.chaos;

import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** What the steady-state probes ask the database about the whole cluster. */
public final class ClusterProbes {
    private static final String LAG = SqlResource.load(ClusterProbes.class, "probe_subscription_lag");
    private static final String OVERDUE = SqlResource.load(ClusterProbes.class, "probe_approvals_overdue");

    private final DataSource pool;

    public ClusterProbes(DataSource pool) {
        this.pool = pool;
    }

    /** Committed events after each live subscription's checkpoint. */
    public Map<String, Long> subscriptionLag() {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(LAG)) {
                s.setString(1, EngineInstances.ALIVE_WITHIN.toMillis() + " milliseconds");
                var lag = new LinkedHashMap<String, Long>();
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        lag.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return lag;
            }
        });
    }

    /** Pending approvals whose timeout passed more than {@code grace} ago: expiry should have resolved them. */
    public long approvalsOverdue(Duration grace) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(OVERDUE)) {
                s.setString(1, grace.toMillis() + " milliseconds");
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}

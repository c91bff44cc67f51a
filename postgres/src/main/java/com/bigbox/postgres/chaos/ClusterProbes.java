package com.bigbox.postgres.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** What the steady-state probes ask the database about the whole cluster. */
public final class ClusterProbes {
    // Subscriptions run by a live instance: one whose owner is gone (or whose code was removed) cannot catch up.
    private static final String LAG = """
            select c.subscription_name,
                   (select count(*) from (
                      select 1 from events e
                       where (e.transaction_seq, e.global_position) > (c.transaction_seq, c.global_position)
                       limit 1000000) behind)
              from subscription_checkpoints c
              join engine_instances i on i.instance_name = c.owner
             where i.heartbeat_at > now() - ?::interval
             order by c.subscription_name""";

    private static final String OVERDUE = """
            select count(*) from human_approvals where status = 'pending' and timeout_at < now() - ?::interval""";

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

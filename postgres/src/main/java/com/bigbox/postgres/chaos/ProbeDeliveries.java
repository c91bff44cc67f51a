package com.bigbox.postgres.chaos;

import com.bigbox.autonomic.chaos.ProbeWorkload;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The durable side of the total check: the {@code chaos-probe} subscription's handler writes one row
 * per handling, in the handler's transaction (so exactly-once effects show as exactly one row), and
 * the check reads them back with the run's events in the store.
 */
public final class ProbeDeliveries {
    private static final String RECORD = SqlResource.load(ProbeDeliveries.class, "probe_delivery_record");
    private static final String DELIVERED = SqlResource.load(ProbeDeliveries.class, "probe_deliveries");
    private static final String STORED = SqlResource.load(ProbeDeliveries.class, "probe_stored_events");

    private final DataSource pool;

    public ProbeDeliveries(DataSource pool) {
        this.pool = pool;
    }

    /** The handler of the {@code chaos-probe} subscription on instance {@code instanceName}. */
    public static SubscriptionHandler handler(String instanceName) {
        return (event, work) -> {
            try (PreparedStatement s = work.unwrap(Connection.class).prepareStatement(RECORD)) {
                s.setString(1, ProbeWorkload.runOf(event.stream().id()));
                s.setObject(2, event.eventId());
                s.setString(3, instanceName);
                s.executeUpdate();
            }
        };
    }

    /** How often the subscription handled each of the run's events. */
    public Map<UUID, Long> delivered(String runId) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(DELIVERED)) {
                s.setString(1, runId);
                var counts = new HashMap<UUID, Long>();
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
                return counts;
            }
        });
    }

    /** The run's events in the store. */
    public Set<UUID> stored(String runId) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(STORED)) {
                s.setString(1, ProbeWorkload.AGGREGATE_TYPE);
                s.setString(2, runId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-w%");
                s.setString(3, ProbeWorkload.EVENT_TYPE);
                var ids = new HashSet<UUID>();
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }
}

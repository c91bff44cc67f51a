package com.bigbox.postgres.chaos;

import com.bigbox.autonomic.chaos.ActiveFaults;
import com.bigbox.autonomic.chaos.Fault;
import com.bigbox.autonomic.chaos.FaultKind;
import com.bigbox.autonomic.chaos.Intensity;
import com.bigbox.postgres.SqlResource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults in force, read from {@code chaos_faults} at most every {@link #REFRESH} so that a
 * handler's hot path costs nothing while no experiment runs, and a fault reaches every instance
 * within that time.
 */
public final class PgActiveFaults implements ActiveFaults {
    private static final Logger log = LoggerFactory.getLogger(PgActiveFaults.class);
    public static final Duration REFRESH = Duration.ofMillis(500);

    private static final String CURRENT = SqlResource.load(PgActiveFaults.class, "faults_current");
    private static final String HIT = SqlResource.load(PgActiveFaults.class, "fault_hit");

    private final DataSource pool;
    private final String instanceName;
    private volatile List<Fault> cached = List.of();
    private volatile long readAt = System.nanoTime() - REFRESH.toNanos();

    public PgActiveFaults(DataSource pool, String instanceName) {
        this.pool = pool;
        this.instanceName = instanceName;
    }

    @Override
    public List<Fault> current() {
        if (System.nanoTime() - readAt >= REFRESH.toNanos()) {
            refresh();
        }
        return cached;
    }

    private synchronized void refresh() {
        if (System.nanoTime() - readAt < REFRESH.toNanos()) {
            return;
        }
        try (Connection c = pool.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(CURRENT)) {
            var faults = new ArrayList<Fault>();
            while (rs.next()) {
                BigDecimal drop = rs.getBigDecimal(9);
                Integer delay = (Integer) rs.getObject(8);
                faults.add(new Fault(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        FaultKind.parse(rs.getString(3)),
                        Intensity.parse(rs.getString(4)),
                        rs.getString(5),
                        Set.of((String[]) rs.getArray(6).getArray()),
                        rs.getString(7),
                        delay == null ? null : Duration.ofMillis(delay),
                        drop == null ? 0 : drop.doubleValue(),
                        rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11).toInstant()));
            }
            if (!faults.isEmpty() && cached.isEmpty()) {
                log.info(
                        "Chaos faults in force on {}: {}",
                        instanceName,
                        faults.stream().map(f -> f.kind().label()).toList());
            }
            cached = List.copyOf(faults);
        } catch (SQLException e) {
            // Without the database the handlers cannot run either; keep what we knew.
            log.debug("reading chaos faults failed: {}", e.getMessage());
        }
        readAt = System.nanoTime();
    }

    @Override
    public void hit(Fault fault, String subscription, UUID eventId, String effect) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(HIT)) {
            s.setObject(1, fault.id());
            s.setString(2, subscription);
            s.setObject(3, eventId);
            s.setString(4, effect);
            s.setString(5, instanceName);
            s.executeUpdate();
        } catch (SQLException e) {
            log.debug("recording a chaos fault's hit failed: {}", e.getMessage());
        }
    }
}

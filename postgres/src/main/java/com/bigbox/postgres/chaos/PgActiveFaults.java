package com.bigbox.postgres.chaos;

import com.bigbox.autonomic.chaos.ActiveFaults;
import com.bigbox.autonomic.chaos.Fault;
import com.bigbox.autonomic.chaos.FaultKind;
import com.bigbox.autonomic.chaos.Intensity;
import com.bigbox.core.BackgroundLoop;
import com.bigbox.core.Wakeup;
import com.bigbox.postgres.DatabaseException;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults in force, read from {@code chaos_faults} every {@link #REFRESH} by a loop of its own, so that
 * a fault reaches every instance within that time and a handler's hot path only reads a field.
 *
 * <p>Why a loop and not a read on demand: handlers ask inside their transaction, which already holds a
 * pool connection. A read there takes a second one; when as many handlers as the pool has connections
 * asked at once, each waited for a connection the others held, the pool's timeout ended the wait, and
 * every HTTP request waiting meanwhile was answered 503. For the same reason a hit is queued and written
 * by the loop: it is a record that a fault took effect, not business data, and a crash may lose the last
 * few.
 */
public final class PgActiveFaults implements ActiveFaults, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgActiveFaults.class);
    public static final Duration REFRESH = Duration.ofMillis(500);

    private static final String CURRENT = SqlResource.load(PgActiveFaults.class, "faults_current");
    private static final String HIT = SqlResource.load(PgActiveFaults.class, "fault_hit");

    private record Hit(UUID fault, String subscription, UUID eventId, String effect) {}

    private final DataSource pool;
    private final String instanceName;
    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
    private final Wakeup hitQueued = new Wakeup();
    private final BackgroundLoop loop;
    private volatile List<Fault> cached = List.of();

    private PgActiveFaults(DataSource pool, String instanceName) {
        this.pool = pool;
        this.instanceName = instanceName;
        this.loop = new BackgroundLoop(instanceName + "-chaos-faults", this::run);
    }

    /** Reads the faults in force once, then keeps them fresh until {@link #close()}. */
    public static PgActiveFaults start(DataSource pool, String instanceName) {
        var faults = new PgActiveFaults(pool, instanceName);
        faults.refresh();
        faults.loop.start();
        return faults;
    }

    @Override
    public List<Fault> current() {
        return cached;
    }

    @Override
    public void hit(Fault fault, String subscription, UUID eventId, String effect) {
        hits.add(new Hit(fault.id(), subscription, eventId, effect));
        hitQueued.signal();
    }

    private void run() {
        long readAt = System.nanoTime();
        while (loop.running()) {
            try {
                hitQueued.await(REFRESH.minusNanos(System.nanoTime() - readAt));
            } catch (InterruptedException e) {
                break;
            }
            writeHits();
            if (System.nanoTime() - readAt >= REFRESH.toNanos()) {
                refresh();
                readAt = System.nanoTime();
            }
        }
    }

    private void refresh() {
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
    }

    private void writeHits() {
        if (hits.isEmpty()) {
            return;
        }
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(HIT)) {
            for (Hit hit = hits.peek(); hit != null; hit = hits.peek()) {
                s.setObject(1, hit.fault());
                s.setString(2, hit.subscription());
                s.setObject(3, hit.eventId());
                s.setString(4, hit.effect());
                s.setString(5, instanceName);
                try {
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (DatabaseException.connectionLost(e)) {
                        throw e;
                    }
                    // The fault was deleted meanwhile (its hits go with it): nothing to record.
                    log.debug("dropping a chaos fault hit: {}", e.getMessage());
                }
                hits.poll();
            }
        } catch (SQLException e) {
            // Kept for the next round; the insert is idempotent.
            log.debug("recording chaos fault hits failed: {}", e.getMessage());
        }
    }

    /** Stops the loop after writing the hits still queued. */
    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(5));
        writeHits();
    }
}

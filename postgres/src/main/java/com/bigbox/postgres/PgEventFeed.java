package com.bigbox.postgres;

import com.bigbox.core.BackgroundLoop;
import com.bigbox.core.EventBus;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.Wakeup;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every committed event to this instance's bus, once and in commit order, whoever wrote
 * it. Woken by NOTIFY (or a local append), and polls on a timer, so a lost notification only delays.
 */
public final class PgEventFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgEventFeed.class);
    /** The seed's Test 2 looks for this line, one per event. */
    private static final Logger realtime = LoggerFactory.getLogger("com.bigbox.realtime");

    private static final int BATCH = 1_000;
    // Every read computes the horizon (events_read_horizon(), a read of pg_locks that costs about as
    // much as an insert through the trigger): at most one read per interval, which then covers every
    // commit of the interval, bounds that cost under a write burst at the price of this much latency.
    private static final Duration MIN_READ_INTERVAL = Duration.ofMillis(5);
    private static final Duration HELD_BACK_WARNING = Duration.ofSeconds(5);

    // The oldest open transaction that has written events: the commit-safe read cannot pass it.
    private static final String HELD_BACK = SqlResource.load(PgEventFeed.class, "oldest_open_event_writer");

    private final PgEventStore store;
    private final DataSource pool;
    private final EventBus bus;
    private final PgMeters meters;
    private final Wakeup wakeup;
    private final Duration pollInterval;
    private final BackgroundLoop loop;
    private volatile Position position;
    private volatile Instant lastDeliveredAt;
    private volatile long delivered;
    private volatile HeldBack heldBack;
    private volatile String lastError;

    /** The transaction that keeps committed events from being delivered, and for how long it has been open. */
    public record HeldBack(int pid, String applicationName, String state, long openSeconds) {}

    /** What the feed has done, for health checks and metrics. */
    public record Status(
            Position position,
            long delivered,
            Instant lastDeliveredAt,
            Optional<HeldBack> heldBack,
            String lastError) {}

    PgEventFeed(
            PgEventStore store,
            DataSource pool,
            EventBus bus,
            Wakeup wakeup,
            Position startAfter,
            Duration pollInterval,
            String instanceName,
            PgMeters meters) {
        this.store = store;
        this.pool = pool;
        this.bus = bus;
        this.meters = meters;
        this.wakeup = wakeup;
        this.pollInterval = pollInterval;
        this.position = startAfter;
        this.loop = new BackgroundLoop(instanceName + "-feed", this::run);
    }

    void start() {
        loop.start();
    }

    /** The transaction_seq of the last event delivered: every event of a lower or equal ticket was delivered when the feed waits. */
    long deliveredTicket() {
        return position.transactionSeq();
    }

    public Status status() {
        return new Status(position, delivered, lastDeliveredAt, Optional.ofNullable(heldBack), lastError);
    }

    private void run() {
        long lastHeldBackCheck = System.nanoTime();
        var pacer = new Pacer(MIN_READ_INTERVAL);
        while (loop.running()) {
            try {
                pacer.pace();
                List<RecordedEvent> batch = store.readAll(position, BATCH);
                for (RecordedEvent event : batch) {
                    realtime.info("Real-time event received: {}", event.type());
                    bus.publish(event);
                    position = event.position();
                    delivered++;
                    meters.delivered(event.createdAt());
                }
                if (!batch.isEmpty()) {
                    lastDeliveredAt = Instant.now();
                }
                lastError = null;
                if (batch.size() == BATCH) {
                    continue;
                }
                if (System.nanoTime() - lastHeldBackCheck > HELD_BACK_WARNING.toNanos()) {
                    checkHeldBack();
                    lastHeldBackCheck = System.nanoTime();
                }
                wakeup.await(pollInterval);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!loop.running()) {
                    return;
                }
                if (lastError == null) {
                    log.warn("Reading events failed ({}); retrying", e.getMessage());
                }
                lastError = e.getMessage();
                try {
                    Thread.sleep(pollInterval);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    // An open transaction that has written events holds back the events numbered after it until it
    // ends (the price of never skipping a late commit). Name it, so an operator can end it.
    private void checkHeldBack() {
        try (Connection connection = pool.getConnection();
                var statement = connection.prepareStatement(HELD_BACK);
                var rs = statement.executeQuery()) {
            HeldBack found =
                    rs.next() ? new HeldBack(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4)) : null;
            if (found != null && found.openSeconds() < HELD_BACK_WARNING.toSeconds()) {
                found = null;
            }
            if (found != null && (heldBack == null || heldBack.pid() != found.pid())) {
                log.warn(
                        "Real-time delivery is held back by transaction of backend pid {} ({}, application '{}', open {}s): "
                                + "committed events wait until it commits or rolls back",
                        found.pid(),
                        found.state(),
                        found.applicationName(),
                        found.openSeconds());
            }
            heldBack = found;
        } catch (SQLException e) {
            log.debug("held-back check failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(2));
    }
}

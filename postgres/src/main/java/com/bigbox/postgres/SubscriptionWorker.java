package com.bigbox.postgres;

import com.bigbox.core.BackgroundLoop;
import com.bigbox.core.EventFilter;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.core.UnitOfWork;
import com.bigbox.core.Wakeup;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one durable subscription on this instance whenever it holds the subscription's lease. */
final class SubscriptionWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);
    private static final int BATCH = 500;
    private static final Duration ACQUIRE_RETRY = Duration.ofMillis(500);
    private static final Duration MIN_READ_INTERVAL = Duration.ofMillis(5);

    private final String name;
    private final EventFilter filter;
    private final Position startAfter;
    private final SubscriptionHandler handler;
    private final PgEventStore store;
    private final SubscriptionCheckpoint checkpoint;
    private final PgSubscriptions.LeaseSession leases;
    private final String instanceName;
    private final Duration pollInterval;
    private final PgMeters meters;
    private final Wakeup wakeup = new Wakeup();
    private final BackgroundLoop loop;
    private volatile boolean owning;
    private volatile Position position;
    private long leaseGeneration = -1;
    // Whether this worker has stood by (another instance held the subscription) or lost it since it started.
    private boolean stoodBy;
    private volatile boolean closing;

    SubscriptionWorker(
            String name,
            EventFilter filter,
            Position startAfter,
            SubscriptionHandler handler,
            PgEventStore store,
            Database database,
            PgSubscriptions.LeaseSession leases,
            String instanceName,
            Duration pollInterval,
            PgMeters meters) {
        this.name = name;
        this.filter = filter;
        this.startAfter = startAfter;
        this.handler = handler;
        this.store = store;
        this.checkpoint = new SubscriptionCheckpoint(name, database, instanceName);
        this.leases = leases;
        this.instanceName = instanceName;
        this.pollInterval = pollInterval;
        this.meters = meters;
        this.position = startAfter;
        this.loop = new BackgroundLoop(instanceName + "-sub-" + name, this::run);
    }

    void start() {
        loop.start();
    }

    /** A new event arrived; wakes the worker only if it wants it (others are passed over at the next poll). */
    void offer(RecordedEvent event) {
        if (filter.matches(event)) {
            wakeup.signal();
        }
    }

    boolean owning() {
        return owning;
    }

    /**
     * Whether this worker, seen at {@code seen}, had nothing left it wants up to {@code head}: the events between are
     * all ones it passes over (it advances past those only at its next poll, which nothing needs to wait for).
     */
    boolean settled(Position seen, Position head) {
        if (!owning) {
            return false;
        }
        Position at = seen;
        while (head.isAfter(at)) {
            List<RecordedEvent> batch = store.readAll(at, BATCH);
            if (batch.isEmpty()) {
                return true;
            }
            for (RecordedEvent event : batch) {
                if (event.position().isAfter(head)) {
                    return true;
                }
                if (filter.matches(event)) {
                    return false;
                }
                at = event.position();
            }
        }
        return true;
    }

    Position position() {
        return position;
    }

    private void run() {
        var backoff = new HandlerBackoff();
        var pacer = new Pacer(MIN_READ_INTERVAL);
        while (loop.running()) {
            try {
                if (!owning && !tryTakeOver()) {
                    wakeup.await(ACQUIRE_RETRY);
                    continue;
                }
                if (!leases.holds(leaseGeneration)) {
                    lose("its lease session ended");
                    continue;
                }
                pacer.pace();
                List<RecordedEvent> batch = store.readAll(position, BATCH);
                handle(batch);
                backoff.reset();
                if (batch.size() < BATCH) {
                    wakeup.await(pollInterval);
                }
            } catch (InterruptedException e) {
                return;
            } catch (HandlerFailed e) {
                Duration wait = backoff.failedOn(e.event.eventId());
                log.warn(
                        "Subscription {} failed on event {} ({}), retrying in {} ms: {}",
                        name,
                        e.event.eventId(),
                        e.event.type(),
                        wait.toMillis(),
                        e.getCause().toString());
                if (!sleep(wait)) {
                    return;
                }
            } catch (LostOwnership e) {
                lose(e.getMessage());
            } catch (RuntimeException | SQLException e) {
                if (!loop.running()) {
                    return;
                }
                log.warn("Subscription {} paused ({}); retrying", name, e.getMessage());
                if (!sleep(pollInterval)) {
                    return;
                }
            }
        }
    }

    // The matching events one by one; a run of others at the end only moves the checkpoint past them.
    private void handle(List<RecordedEvent> batch) {
        Position skippedTo = null;
        for (RecordedEvent event : batch) {
            if (!loop.running() || !owning) {
                break;
            }
            if (filter.matches(event)) {
                process(event);
                skippedTo = null;
            } else {
                skippedTo = event.position();
            }
        }
        if (skippedTo != null && owning) {
            Position to = skippedTo;
            store.inTransaction(work -> advance(work, to));
            position = to;
        }
    }

    private boolean tryTakeOver() throws SQLException {
        long generation = leases.tryAcquire(name);
        if (generation < 0) {
            stoodBy = true;
            return false;
        }
        try {
            position = checkpoint.takeOver(startAfter);
        } catch (SQLException e) {
            leases.release(name, generation);
            throw e;
        }
        leaseGeneration = generation;
        owning = true;
        // Starting, or starting again after a restart, is routine (one line at start, the README promises); taking
        // over from another instance after standing by, or after losing it, is worth saying.
        long epoch = checkpoint.epoch();
        if (epoch > 1 && stoodBy) {
            log.info("Subscription {} runs on {} from position {} (epoch {})", name, instanceName, position, epoch);
        } else {
            log.debug("Subscription {} runs on {} from position {} (epoch {})", name, instanceName, position, epoch);
        }
        return true;
    }

    // The handler's effects and the checkpoint commit together, or neither does.
    private void process(RecordedEvent event) {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            store.inTransaction(work -> {
                try {
                    handler.handle(event, work);
                } catch (Exception e) {
                    throw new HandlerFailed(event, e);
                }
                return advance(work, event.position());
            });
            ok = true;
        } finally {
            meters.handled(name, start, ok);
        }
        position = event.position();
    }

    private Position advance(UnitOfWork work, Position to) {
        if (!checkpoint.advance(work, to)) {
            throw new LostOwnership("another instance took it over (epoch " + checkpoint.epoch() + " is gone)");
        }
        return to;
    }

    private void lose(String why) {
        if (owning && closing) {
            log.debug("Subscription {} stopped on {}: {}", name, instanceName, why);
        } else if (owning) {
            // Losing it while running is news (another instance goes on with it); a clean stop is not.
            log.info("Subscription {} stopped on {}: {}", name, instanceName, why);
            stoodBy = true;
        }
        owning = false;
        leases.release(name, leaseGeneration);
        leaseGeneration = -1;
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closing = true;
        loop.stop(Duration.ofSeconds(5));
        if (owning) {
            lose("closed");
        }
    }

    private static final class HandlerFailed extends RuntimeException {
        final transient RecordedEvent event;

        HandlerFailed(RecordedEvent event, Exception cause) {
            super(cause);
            this.event = event;
        }
    }

    private static final class LostOwnership extends RuntimeException {
        LostOwnership(String message) {
            super(message);
        }
    }
}

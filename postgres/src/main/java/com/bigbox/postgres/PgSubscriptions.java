package com.bigbox.postgres;

import com.bigbox.core.EventBus;
import com.bigbox.core.EventFilter;
import com.bigbox.core.Position;
import com.bigbox.core.Registration;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.core.Subscriptions;
import io.micrometer.core.instrument.Gauge;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable subscriptions for one instance. Each runs where it holds a session advisory lock on this
 * instance's lease session, so it runs on one instance at a time and moves as soon as that session
 * ends (stop, crash, killed connection). Taking a subscription bumps its epoch; every checkpoint write
 * requires the epoch it took, so an owner that lost its lease cannot commit another effect.
 */
public final class PgSubscriptions implements Subscriptions, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgSubscriptions.class);

    private final PgEventStore store;
    private final Database database;
    private final EventBus bus;
    private final String instanceName;
    private final Duration pollInterval;
    private final PgMeters meters;
    private final Map<String, SubscriptionWorker> workers = new ConcurrentHashMap<>();
    private final LeaseSession leases;
    private final Registration wakeups;

    PgSubscriptions(
            PgEventStore store,
            Database database,
            EventBus bus,
            String instanceName,
            Duration pollInterval,
            PgMeters meters) {
        this.store = store;
        this.database = database;
        this.bus = bus;
        this.instanceName = instanceName;
        this.pollInterval = pollInterval;
        this.meters = meters;
        this.leases = new LeaseSession(database, instanceName);
        this.wakeups =
                bus.subscribe(EventFilter.all(), event -> workers.values().forEach(worker -> worker.offer(event)));
    }

    @Override
    public Registration subscribe(String name, EventFilter filter, Position startAfter, SubscriptionHandler handler) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a subscription needs a name");
        }
        var worker = new SubscriptionWorker(
                name, filter, startAfter, handler, store, database, leases, instanceName, pollInterval, meters);
        if (workers.putIfAbsent(name, worker) != null) {
            throw new IllegalStateException("subscription '" + name + "' is already registered on this instance");
        }
        Gauge owned = Gauge.builder("bigbox.subscription.owned", worker, w -> w.owning() ? 1 : 0)
                .description("1 while this instance runs the durable subscription, 0 while another does")
                .tag("subscription", name)
                .register(meters.registry());
        worker.start();
        return () -> {
            if (workers.remove(name, worker)) {
                worker.close();
                meters.registry().remove(owned);
            }
        };
    }

    /** Whether this instance currently runs {@code name}. */
    public boolean owns(String name) {
        SubscriptionWorker worker = workers.get(name);
        return worker != null && worker.owning();
    }

    /**
     * Whether every subscription of this instance runs and has handled every event it wants: nothing more will
     * happen until something new is appended. Positions are read before the head: a handler commits its effects
     * before its position moves, so whatever it wrote is within the head read afterwards.
     *
     * @param required names that must be running here (a subscription not yet registered is not settled)
     */
    public boolean settled(java.util.Collection<String> required) {
        var seen = new java.util.HashMap<SubscriptionWorker, Position>();
        workers.values().forEach(worker -> seen.put(worker, worker.position()));
        Position head = store.head();
        if (!workers.keySet().containsAll(required)) {
            return false;
        }
        return seen.entrySet().stream().allMatch(e -> e.getKey().settled(e.getValue(), head));
    }

    public Map<String, Position> positions() {
        var positions = new java.util.TreeMap<String, Position>();
        workers.forEach((name, worker) -> positions.put(name, worker.position()));
        return positions;
    }

    @Override
    public void close() {
        wakeups.close();
        workers.values().forEach(SubscriptionWorker::close);
        workers.clear();
        leases.close();
        log.debug("subscriptions of {} stopped", instanceName);
    }

    /**
     * The session that holds this instance's advisory locks, one per owned subscription. When it
     * breaks, every lock it held is gone; the workers notice on their next {@link #holds} check.
     */
    static final class LeaseSession implements AutoCloseable {
        private static final String TRY_LOCK = SqlResource.load(PgSubscriptions.class, "subscription_try_lock");
        private static final String SESSION_ALIVE = SqlResource.load(PgSubscriptions.class, "session_alive");
        private static final String UNLOCK = SqlResource.load(PgSubscriptions.class, "subscription_unlock");

        private final Database database;
        private final String instanceName;
        private Connection connection;
        private long generation;

        LeaseSession(Database database, String instanceName) {
            this.database = database;
            this.instanceName = instanceName;
        }

        /** Tries to take the lock of {@code name}; returns the session generation it was taken in, or -1. */
        synchronized long tryAcquire(String name) throws SQLException {
            ensureOpen();
            try (var statement = connection.prepareStatement(TRY_LOCK)) {
                statement.setString(1, name);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1) ? generation : -1;
                }
            } catch (SQLException e) {
                reset();
                throw e;
            }
        }

        /** Whether the lock taken in {@code takenIn} is still held: the same session, still alive. */
        synchronized boolean holds(long takenIn) {
            if (connection == null || takenIn != generation) {
                return false;
            }
            try (var statement = connection.createStatement()) {
                statement.execute(SESSION_ALIVE);
                return true;
            } catch (SQLException e) {
                reset();
                return false;
            }
        }

        synchronized void release(String name, long takenIn) {
            if (connection == null || takenIn != generation) {
                return;
            }
            try (var statement = connection.prepareStatement(UNLOCK)) {
                statement.setString(1, name);
                statement.execute();
            } catch (SQLException e) {
                reset();
            }
        }

        private void ensureOpen() throws SQLException {
            if (connection == null) {
                connection = database.openDirect("lease-" + instanceName);
                generation++;
            }
        }

        private void reset() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // it is broken already
                }
                connection = null;
            }
        }

        @Override
        public synchronized void close() {
            reset();
        }
    }
}

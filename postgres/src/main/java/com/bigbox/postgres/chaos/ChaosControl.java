package com.bigbox.postgres.chaos;

import com.bigbox.autonomic.chaos.Fault;
import com.bigbox.autonomic.chaos.FaultKind;
import com.bigbox.postgres.SqlResource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The database side of a chaos experiment: declares and ends handler faults for the whole cluster,
 * ends the engine's sessions, locks a table for a window, and slows every write to {@code events}.
 * Each fault stops by itself at the end of its window, even if the experiment's runner dies.
 */
public final class ChaosControl {
    /** The runner's own sessions are named so, and are spared when the engine's sessions are ended. */
    public static final String RUNNER_APPLICATION = "bigbox-chaos";

    private static final String INJECT = SqlResource.load(ChaosControl.class, "fault_inject");
    private static final String END_FAULTS = SqlResource.load(ChaosControl.class, "faults_end");
    private static final String FAULTS_END = SqlResource.load(ChaosControl.class, "faults_end_at");
    private static final String HITS = SqlResource.load(ChaosControl.class, "fault_hits");
    private static final String TERMINATE = SqlResource.load(ChaosControl.class, "terminate_engine_sessions");
    private static final String SLOW_WRITES = SqlResource.load(ChaosControl.class, "slow_writes_declare");
    private static final String SLOW_WRITES_TRIGGER_DROP =
            SqlResource.load(ChaosControl.class, "slow_writes_trigger_drop");
    private static final String SLOW_WRITES_TRIGGER_CREATE =
            SqlResource.load(ChaosControl.class, "slow_writes_trigger_create");
    private static final String SLOW_WRITES_END = SqlResource.load(ChaosControl.class, "slow_writes_end");
    private static final String SLOW_WRITES_INSTALLED = SqlResource.load(ChaosControl.class, "slow_writes_installed");
    private static final String END_ALL_FAULTS = SqlResource.load(ChaosControl.class, "faults_end_all");

    /** The tables a lock may be taken on, and the statement for each: never text from the experiment file. */
    private static final Map<String, String> LOCKS = Map.of(
            "events", SqlResource.load(ChaosControl.class, "lock_events"),
            "event_streams", SqlResource.load(ChaosControl.class, "lock_event_streams"),
            "subscription_checkpoints", SqlResource.load(ChaosControl.class, "lock_subscription_checkpoints"),
            "human_approvals", SqlResource.load(ChaosControl.class, "lock_human_approvals"));

    private final DataSource pool;

    public ChaosControl(DataSource pool) {
        this.pool = pool;
    }

    public void inject(Fault fault) {
        ChaosSql.execute(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(INJECT)) {
                s.setObject(1, fault.id());
                s.setObject(2, fault.experimentId());
                s.setString(3, fault.kind().label());
                s.setString(4, fault.intensity().label());
                s.setString(5, fault.subscription());
                s.setArray(6, c.createArrayOf("text", fault.eventTypes().toArray()));
                s.setString(7, fault.role());
                s.setObject(
                        8,
                        fault.kind() == FaultKind.DELAY_EVENT
                                ? (int) fault.delay().toMillis()
                                : null);
                s.setBigDecimal(
                        9,
                        fault.kind() == FaultKind.LOWER_CONFIDENCE ? BigDecimal.valueOf(fault.confidenceDrop()) : null);
                s.setTimestamp(10, Timestamp.from(fault.startsAt()));
                s.setTimestamp(11, Timestamp.from(fault.endsAt()));
                s.executeUpdate();
            }
        });
    }

    /** Ends every fault of {@code experimentId} still in force; returns how many. */
    public int endFaults(UUID experimentId) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(END_FAULTS)) {
                s.setObject(1, experimentId);
                return s.executeUpdate();
            }
        });
    }

    /** Ends every fault in force, whichever experiment declared it; returns how many. */
    public int endAllFaults() {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    var s = c.createStatement()) {
                return s.executeUpdate(END_ALL_FAULTS);
            }
        });
    }

    /** When the last fault of {@code experimentId} ends (or ended); empty when it declared none. */
    public java.util.Optional<java.time.Instant> faultsEndAt(UUID experimentId) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(FAULTS_END)) {
                s.setObject(1, experimentId);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    java.sql.Timestamp end = rs.getTimestamp(1);
                    return end == null ? java.util.Optional.empty() : java.util.Optional.of(end.toInstant());
                }
            }
        });
    }

    /** Events the experiment's faults touched (once per handler and event). */
    public long faultHits(UUID experimentId) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(HITS)) {
                s.setObject(1, experimentId);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Ends every session of the engine on this database (pools, LISTEN, leases); returns how many. */
    public int terminateEngineSessions() {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    var s = c.createStatement();
                    var rs = s.executeQuery(TERMINATE)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Holds a lock on {@code table} that blocks its writers (readers go on) for {@code window}, on a
     * session of its own; returns once the lock is held. The lock ends with the window or the session.
     */
    public Thread lockTable(String table, Duration window) throws InterruptedException {
        String lock = LOCKS.get(table);
        if (lock == null) {
            throw new IllegalArgumentException("table must be one of " + LOCKS.keySet() + ", was '" + table + "'");
        }
        var held = new java.util.concurrent.CountDownLatch(1);
        var failure = new java.util.concurrent.atomic.AtomicReference<SQLException>();
        Thread holder = Thread.ofPlatform().daemon().name("chaos-lock-" + table).start(() -> {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (var s = c.createStatement()) {
                    s.execute(lock);
                    held.countDown();
                    Thread.sleep(window);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                failure.set(e);
                held.countDown();
            }
        });
        held.await();
        if (failure.get() != null) {
            throw ChaosSql.failed(failure.get());
        }
        return holder;
    }

    /** Delays every statement that writes events by {@code delay} for {@code window}. */
    public void slowWrites(UUID experimentId, Duration delay, Duration window) {
        ChaosSql.inOneTransaction(pool, c -> {
            try (PreparedStatement s = c.prepareStatement(SLOW_WRITES)) {
                s.setObject(1, experimentId);
                s.setInt(2, (int) delay.toMillis());
                s.setString(3, window.toMillis() + " milliseconds");
                s.executeUpdate();
            }
            try (var s = c.createStatement()) {
                s.execute(SLOW_WRITES_TRIGGER_DROP);
                s.execute(SLOW_WRITES_TRIGGER_CREATE);
            }
        });
    }

    /** Ends slow writes now and removes their trigger. */
    public void removeSlowWrites() {
        // Both or neither, as when the two were sent as one string.
        ChaosSql.inOneTransaction(pool, c -> {
            try (var s = c.createStatement()) {
                s.execute(SLOW_WRITES_END);
                s.execute(SLOW_WRITES_TRIGGER_DROP);
            }
        });
    }

    /** Whether the slow-writes trigger is installed (a leftover of an interrupted experiment, perhaps). */
    public boolean slowWritesInstalled() {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    var s = c.createStatement();
                    var rs = s.executeQuery(SLOW_WRITES_INSTALLED)) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        });
    }
}

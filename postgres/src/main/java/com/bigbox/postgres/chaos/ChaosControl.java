package com.bigbox.postgres.chaos;

import com.bigbox.autonomic.chaos.Fault;
import com.bigbox.autonomic.chaos.FaultKind;
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

    private static final String INJECT = """
            insert into chaos_faults (fault_id, experiment_id, kind, intensity, target_subscription, target_event_types, target_role,
                                      delay_ms, confidence_drop, starts_at, ends_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String END_FAULTS = """
            update chaos_faults set ends_at = greatest(now(), starts_at + interval '1 millisecond')
             where experiment_id = ? and ends_at > now()""";

    private static final String FAULTS_END = "select max(ends_at) from chaos_faults where experiment_id = ?";

    private static final String HITS = """
            select count(*) from chaos_fault_hits h join chaos_faults f using (fault_id) where f.experiment_id = ?""";

    private static final String TERMINATE = """
            select count(pg_terminate_backend(pid)) from pg_stat_activity
             where datname = current_database() and pid <> pg_backend_pid()
               and application_name like 'bigbox-%' and application_name not like 'bigbox-chaos%'""";

    private static final String SLOW_WRITES = """
            insert into chaos_database_faults (experiment_id, kind, delay_ms, starts_at, ends_at)
            values (?, 'slow_writes', ?, now(), now() + ?::interval)""";

    private static final String INSTALL_SLOW_WRITES = """
            drop trigger if exists chaos_slow_writes on events;
            create trigger chaos_slow_writes before insert on events for each statement execute function chaos_slow_writes()""";

    private static final String REMOVE_SLOW_WRITES = """
            update chaos_database_faults set ends_at = greatest(now(), starts_at + interval '1 millisecond') where ends_at > now();
            drop trigger if exists chaos_slow_writes on events""";

    /** The tables a lock may be taken on, and the statement for each: never text from the experiment file. */
    private static final Map<String, String> LOCKS = Map.of(
            "events", "lock table events in share row exclusive mode",
            "event_streams", "lock table event_streams in share row exclusive mode",
            "subscription_checkpoints", "lock table subscription_checkpoints in share row exclusive mode",
            "human_approvals", "lock table human_approvals in share row exclusive mode");

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
                return s.executeUpdate(
                        "update chaos_faults set ends_at = greatest(now(), starts_at + interval '1 millisecond') "
                                + "where ends_at > now()");
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
        ChaosSql.execute(() -> {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    try (PreparedStatement s = c.prepareStatement(SLOW_WRITES)) {
                        s.setObject(1, experimentId);
                        s.setInt(2, (int) delay.toMillis());
                        s.setString(3, window.toMillis() + " milliseconds");
                        s.executeUpdate();
                    }
                    try (var s = c.createStatement()) {
                        s.execute(INSTALL_SLOW_WRITES);
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        });
    }

    /** Ends slow writes now and removes their trigger. */
    public void removeSlowWrites() {
        ChaosSql.execute(() -> {
            try (Connection c = pool.getConnection();
                    var s = c.createStatement()) {
                s.execute(REMOVE_SLOW_WRITES);
            }
        });
    }

    /** Whether the slow-writes trigger is installed (a leftover of an interrupted experiment, perhaps). */
    public boolean slowWritesInstalled() {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    var s = c.createStatement();
                    var rs = s.executeQuery("select count(*) from pg_trigger where tgname = 'chaos_slow_writes'")) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        });
    }
}

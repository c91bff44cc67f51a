package com.bigbox.postgres.access;

import com.bigbox.core.BackgroundLoop;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every committed row change of the realtime tables to a sink, once and in commit-safe
 * order, polling {@code bigbox_access.row_changes} (the table is only written when approvals or SOP
 * executions change, so a short poll is cheap and needs no LISTEN session of its own). Also prunes
 * changes older than the retention, which no subscriber can still be waiting for.
 */
public final class PgRowChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgRowChangeFeed.class);
    private static final int BATCH = 1_000;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private static final String READ = SqlResource.load(PgRowChangeFeed.class, "row_changes_after");
    private static final String HEAD = SqlResource.load(PgRowChangeFeed.class, "row_changes_head");
    private static final String PRUNE = SqlResource.load(PgRowChangeFeed.class, "row_changes_prune");

    private final DataSource pool;
    private volatile Consumer<List<RowChange>> sink;
    private final Duration pollInterval;
    private final Duration retention;
    private final BackgroundLoop loop;
    private volatile ChangePosition position;

    public PgRowChangeFeed(DataSource pool, Duration pollInterval, Duration retention, String instanceName) {
        this.pool = pool;
        this.pollInterval = pollInterval;
        this.retention = retention;
        this.loop = new BackgroundLoop(instanceName + "-row-changes", this::run);
    }

    /** Starts handing {@code sink} the changes committed from now on. */
    public void start(Consumer<List<RowChange>> sink) {
        this.sink = sink;
        position = head();
        loop.start();
    }

    /** The position of the last change that can be read now; every later commit is after it. */
    public ChangePosition head() {
        try (Connection c = pool.getConnection();
                var s = c.prepareStatement(HEAD);
                var rs = s.executeQuery()) {
            return rs.next() ? new ChangePosition(rs.getLong(1), rs.getLong(2)) : ChangePosition.START;
        } catch (SQLException e) {
            throw new AccessStoreException("reading the head of row changes failed: " + e.getMessage(), e);
        }
    }

    private void run() {
        long lastPrune = System.nanoTime() - PRUNE_EVERY.toNanos();
        boolean failing = false;
        while (loop.running()) {
            try {
                List<RowChange> batch = read(position);
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                    position = batch.getLast().position();
                }
                if (System.nanoTime() - lastPrune > PRUNE_EVERY.toNanos()) {
                    prune();
                    lastPrune = System.nanoTime();
                }
                if (failing) {
                    log.info("Reading row changes works again");
                    failing = false;
                }
                if (batch.size() < BATCH) {
                    Thread.sleep(pollInterval);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                if (!loop.running()) {
                    return;
                }
                if (!failing) {
                    log.warn("Reading row changes failed ({}); retrying", e.getMessage());
                    failing = true;
                }
                try {
                    Thread.sleep(pollInterval.multipliedBy(4));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private List<RowChange> read(ChangePosition after) throws SQLException {
        try (Connection c = pool.getConnection();
                var s = c.prepareStatement(READ)) {
            s.setLong(1, after.transactionSeq());
            s.setLong(2, after.changeId());
            s.setInt(3, BATCH);
            try (var rs = s.executeQuery()) {
                var changes = new ArrayList<RowChange>();
                while (rs.next()) {
                    changes.add(new RowChange(
                            new ChangePosition(rs.getLong(1), rs.getLong(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            UserRows.instant(rs.getTimestamp(8))));
                }
                return changes;
            }
        }
    }

    private void prune() throws SQLException {
        try (Connection c = pool.getConnection();
                var s = c.prepareStatement(PRUNE)) {
            s.setDouble(1, retention.toSeconds());
            int pruned = s.executeUpdate();
            if (pruned > 0) {
                log.debug("pruned {} row changes older than {}", pruned, retention);
            }
        }
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(2));
    }
}

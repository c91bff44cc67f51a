package com.bigbox.postgres;

import com.bigbox.core.BackgroundLoop;
import com.bigbox.core.Wakeup;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the cluster that events were committed: one {@code NOTIFY bigbox_events} for any number of
 * commits since the last one. Sent after commit from its own session, so the write transactions
 * never queue on PostgreSQL's notify lock.
 *
 * <p>A transaction that sends NOTIFY is given a transaction id and holds the cluster's notify lock
 * until its commit record is flushed, so with {@code synchronous_commit} on every NOTIFY costs a
 * WAL flush that no other commit can share. The notification carries no data (a lost one only
 * delays a feed until its next poll), so this session commits asynchronously: its NOTIFY costs no
 * flush, and the writers' commits are not queued behind it.
 */
final class PgNotifier implements AutoCloseable {
    static final String NOTIFY = SqlResource.load(PgNotifier.class, "notify_events");
    private static final String ASYNCHRONOUS_COMMIT = SqlResource.load(PgNotifier.class, "asynchronous_commit");
    private static final String BACKEND_PID = SqlResource.load(PgNotifier.class, "backend_pid");
    // Commits during this interval share one NOTIFY: each NOTIFY is a transaction on the cluster's
    // notify queue and wakes every instance's listener.
    private static final Duration MIN_NOTIFY_INTERVAL = Duration.ofMillis(1);
    private static final Logger log = LoggerFactory.getLogger(PgNotifier.class);

    private final Database database;
    private final Wakeup pending = new Wakeup();
    private final BackgroundLoop loop;
    private Connection connection;
    private volatile int backendPid;

    PgNotifier(Database database, String instanceName) {
        this.database = database;
        this.loop = new BackgroundLoop(instanceName + "-notifier", this::run);
    }

    void start() {
        loop.start();
    }

    /**
     * The backend pid this notifier's NOTIFYs come from (0 before the first): its own instance, woken
     * at its commit already, ignores them.
     */
    int backendPid() {
        return backendPid;
    }

    /** Some events were committed; the cluster will hear of it shortly. */
    void committed() {
        pending.signal();
    }

    private void run() {
        var pacer = new Pacer(MIN_NOTIFY_INTERVAL);
        while (loop.running()) {
            try {
                if (!pending.await(Duration.ofSeconds(1))) {
                    continue;
                }
                pacer.pace();
                notifyCluster();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                log.debug("NOTIFY failed, the feeds' polling will catch up: {}", e.getMessage());
                closeConnection();
                pending.signal();
                sleepQuietly(Duration.ofMillis(200));
            }
        }
    }

    private void notifyCluster() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = database.openDirect("notifier");
            try (var statement = connection.createStatement()) {
                statement.execute(ASYNCHRONOUS_COMMIT);
                try (var rs = statement.executeQuery(BACKEND_PID)) {
                    rs.next();
                    backendPid = rs.getInt(1);
                }
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute(NOTIFY);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(2));
        closeConnection();
    }
}

package com.bigbox.postgres;

import com.bigbox.core.BackgroundLoop;
import com.bigbox.core.Wakeup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds this instance's one LISTEN session and wakes the feed on every notification (the engine's
 * own commits, see {@link PgNotifier}) and whenever the commit-order sequence moves (a foreign
 * writer's commit, see {@link TicketWatch}: writers themselves send no NOTIFY). When the
 * session dies (network, {@code pg_terminate_backend}, a PostgreSQL restart) it reconnects with
 * backoff and wakes the feed so that it catches up on what it missed.
 */
final class PgNotificationListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgNotificationListener.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    // How often the session looks at the commit-order sequence: the delay of a foreign writer's
    // events, at the price of one tiny query per interval. It also finds a silently dropped TCP
    // connection, which a read of notifications alone never raises on.
    static final Duration WATCH_INTERVAL = Duration.ofMillis(25);
    private static final String LAST_TICKET = SqlResource.load(PgNotificationListener.class, "last_ticket");
    private static final String LISTEN = SqlResource.load(PgNotificationListener.class, "listen_events");
    private static final String UNLISTEN = SqlResource.load(PgNotificationListener.class, "unlisten_events");
    private static final String BACKEND_PID = SqlResource.load(PgNotificationListener.class, "backend_pid");

    private final Database database;
    private final Wakeup feed;
    private final java.util.function.IntSupplier ownNotifier;
    private final java.util.function.LongSupplier deliveredTicket;
    private final BackgroundLoop loop;
    private volatile boolean connected;
    private volatile int backendPid;
    private volatile Connection connection;
    private volatile Instant suppressedUntil = Instant.MIN;

    /**
     * @param ownNotifier the backend pid of this instance's notifier, whose NOTIFYs follow commits the feed was woken for
     * @param deliveredTicket the transaction_seq of the last event the feed delivered: a ticket at or below it
     *     was read already (by the wake-up of this instance's own commit, or of the NOTIFY that announced it)
     */
    PgNotificationListener(
            Database database,
            Wakeup feed,
            java.util.function.IntSupplier ownNotifier,
            java.util.function.LongSupplier deliveredTicket,
            String instanceName) {
        this.database = database;
        this.feed = feed;
        this.ownNotifier = ownNotifier;
        this.deliveredTicket = deliveredTicket;
        this.loop = new BackgroundLoop(instanceName + "-listen", this::run);
    }

    void start() {
        loop.start();
    }

    boolean connected() {
        return connected;
    }

    /** The PostgreSQL backend pid of the LISTEN session, 0 when not connected. */
    int backendPid() {
        return backendPid;
    }

    void suppress(Duration window) {
        suppressedUntil = Instant.now().plus(window);
        log.info("Notifications suppressed for {} s (chaos): new events arrive by polling only", window.toSeconds());
    }

    Optional<Instant> suppressedUntil() {
        Instant until = suppressedUntil;
        return until.isAfter(Instant.now()) ? Optional.of(until) : Optional.empty();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        boolean reconnecting = false;
        while (loop.running()) {
            try (Connection session = database.openDirect("listen")) {
                connection = session;
                try (var statement = session.createStatement()) {
                    statement.execute(LISTEN);
                    try (var rs = statement.executeQuery(BACKEND_PID)) {
                        rs.next();
                        backendPid = rs.getInt(1);
                    }
                }
                connected = true;
                if (reconnecting) {
                    log.info("LISTEN session restored (backend pid {}); catching up", backendPid);
                }
                backoff = Duration.ofMillis(100);
                feed.signal();
                listen(session.unwrap(PGConnection.class), session);
            } catch (SQLException e) {
                if (!loop.running()) {
                    return;
                }
                if (connected || !reconnecting) {
                    log.warn("LISTEN session lost ({}); reconnecting, polling meanwhile", e.getMessage());
                }
                connected = false;
                backendPid = 0;
                reconnecting = true;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void listen(PGConnection pg, Connection session) throws SQLException {
        var watch = new TicketWatch(WATCH_INTERVAL.toNanos());
        boolean listening = true;
        long nextLook = System.nanoTime();
        try (var ticket = session.prepareStatement(LAST_TICKET)) {
            while (loop.running()) {
                boolean suppressed = suppressedUntil.isAfter(Instant.now());
                if (suppressed == listening) {
                    try (var statement = session.createStatement()) {
                        statement.execute(suppressed ? UNLISTEN : LISTEN);
                    }
                    listening = !suppressed;
                    if (listening) {
                        log.info("Notifications no longer suppressed; listening again");
                        feed.signal();
                    }
                }
                long untilLook = Math.max(1, (nextLook - System.nanoTime()) / 1_000_000);
                var notifications = pg.getNotifications((int) untilLook);
                // The feed is told before anything else: the sequence's round trip below would
                // otherwise delay every notification's delivery by one more query.
                if (listening && fromOthers(notifications)) {
                    feed.signal();
                }
                long now = System.nanoTime();
                if (now - nextLook < 0) {
                    continue;
                }
                // Once per interval, not once per notification: under a stream of commits the
                // notifications arrive about every millisecond, and each look is a query.
                nextLook = now + WATCH_INTERVAL.toNanos();
                if (lookAt(ticket, watch, now) && listening) {
                    feed.signal();
                }
            }
        }
    }

    // A ticket the feed has delivered needs no read (nor its follow-ups): the feed only waits once it
    // has read everything below the horizon, which was then above it. Without this, every commit of
    // the engine cost each instance one more read of the horizon (pg_locks) than the wake-up it had.
    private boolean lookAt(PreparedStatement ticket, TicketWatch watch, long now) throws SQLException {
        try (var rs = ticket.executeQuery()) {
            rs.next();
            long last = rs.getLong(1);
            return watch.observe(last, now) && last > deliveredTicket.getAsLong();
        }
    }

    private boolean fromOthers(PGNotification[] notifications) {
        if (notifications == null) {
            return false;
        }
        int own = ownNotifier.getAsInt();
        for (PGNotification n : notifications) {
            if (n.getPID() != own) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        // The loop waits in a socket read, which an interrupt does not end: closing the session does.
        loop.stop(Duration.ofSeconds(2), () -> {
            Connection current = connection;
            if (current != null) {
                try {
                    current.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        });
    }
}

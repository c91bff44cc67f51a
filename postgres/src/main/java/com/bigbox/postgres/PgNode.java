package com.bigbox.postgres;

import com.bigbox.core.EventBus;
import com.bigbox.core.LocalEventBus;
import com.bigbox.core.Position;
import com.bigbox.core.Wakeup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine instance's event machinery on a PostgreSQL database: the store, this instance's bus fed
 * in commit order by the real-time feed, and the durable subscriptions. Any number of nodes share a
 * database; each receives every event.
 */
public final class PgNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgNode.class);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    private final String name;
    private final PgEventStore store;
    private final EventBus bus;
    private final PgNotifier notifier;
    private final PgNotificationListener listener;
    private final PgEventFeed feed;
    private final PgSubscriptions subscriptions;
    private volatile Runnable commitObserver = () -> {};

    private PgNode(Database database, String name, Position feedStart, Duration pollInterval, PgMeters meters) {
        this.name = name;
        this.notifier = new PgNotifier(database, name);
        var feedWakeup = new Wakeup();
        this.store = new PgEventStore(
                database.pool(),
                () -> {
                    commitObserver.run();
                    feedWakeup.signal();
                    notifier.committed();
                },
                meters);
        this.bus = new LocalEventBus((event, e) ->
                log.warn("A listener failed on event {} ({}): {}", event.eventId(), event.type(), e.toString()));
        this.feed = new PgEventFeed(
                store,
                database.pool(),
                bus,
                feedWakeup,
                feedStart == null ? store.head() : feedStart,
                pollInterval,
                name,
                meters);
        this.listener =
                new PgNotificationListener(database, feedWakeup, notifier::backendPid, feed::deliveredTicket, name);
        this.subscriptions = new PgSubscriptions(store, database, bus, name, pollInterval, meters);
    }

    /** Starts a node whose feed delivers events committed from now on. */
    public static PgNode start(Database database, String name) {
        return start(database, name, null, DEFAULT_POLL_INTERVAL);
    }

    /**
     * @param feedStart where the feed starts (null: the current head)
     * @param pollInterval how long the feed waits for a notification before it looks anyway
     */
    public static PgNode start(Database database, String name, Position feedStart, Duration pollInterval) {
        return start(database, name, feedStart, pollInterval, PgMeters.none().registry());
    }

    /**
     * As {@link #start(Database, String, Position, Duration)}, recording appends, deliveries and
     * subscription work in {@code meters} (see docs/metrics.md).
     */
    public static PgNode start(
            Database database, String name, Position feedStart, Duration pollInterval, MeterRegistry meters) {
        var node = new PgNode(database, name, feedStart, pollInterval, new PgMeters(meters));
        node.notifier.start();
        node.listener.start();
        node.feed.start();
        return node;
    }

    /**
     * Runs {@code observer} on the writing thread right after each commit that appended events, before
     * any feed is told: the bench times delivery from the writer's commit with it.
     */
    public void observeCommits(Runnable observer) {
        this.commitObserver = observer;
    }

    public String name() {
        return name;
    }

    public PgEventStore store() {
        return store;
    }

    public EventBus bus() {
        return bus;
    }

    public PgSubscriptions subscriptions() {
        return subscriptions;
    }

    public PgEventFeed.Status feedStatus() {
        return feed.status();
    }

    public boolean listening() {
        return listener.connected();
    }

    /** The backend pid of the LISTEN session (0 when disconnected); chaos tests terminate it. */
    public int listenBackendPid() {
        return listener.backendPid();
    }

    /**
     * Stops listening for notifications for {@code window} (a chaos experiment's dropped
     * notifications): the feed then sees new events only by polling. Listening resumes by itself.
     */
    public void suppressNotifications(Duration window) {
        listener.suppress(window);
    }

    /** Until when notifications are suppressed, if they are. */
    public java.util.Optional<java.time.Instant> notificationsSuppressedUntil() {
        return listener.suppressedUntil();
    }

    @Override
    public void close() {
        subscriptions.close();
        feed.close();
        listener.close();
        notifier.close();
    }
}

package com.bigbox.server.realtime;

import com.bigbox.core.BackgroundLoop;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.postgres.access.ChangePosition;
import com.bigbox.postgres.access.RowChange;
import com.bigbox.server.auth.Caller;
import com.bigbox.server.auth.CallerRequestTransactions;
import com.bigbox.server.auth.Sessions;
import com.bigbox.server.rest.CatalogCache;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed changes out to this instance's realtime channels. Events arrive from the bus (the
 * commit-safe feed), row changes from the row-change feed; both go through one queue and are handled
 * in batches by {@link ChangeFanOut}: for each batch, the channels whose bindings match are grouped by their
 * caller's claims and each group's visibility is asked in ONE transaction as that caller
 * ({@link CallerVisibility}: row-level security decides; the service role skips the question), then each
 * channel gets the changes it may see. {@link SocketSweeper} closes the sockets whose session ended or that
 * fell silent.
 *
 * <p>A joining channel is registered before the heads are read and activated after, holding the lock
 * that batches are handled under; the changes it matched meanwhile are replayed, so every change
 * committed after SUBSCRIBED reaches it.
 */
public final class RealtimeHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RealtimeHub.class);
    private static final int BATCH = 500;
    private static final Duration SESSION_SWEEP = Duration.ofSeconds(2);

    private final Sessions sessions;
    private final Supplier<Position> eventsHead;
    private final Supplier<ChangePosition> changesHead;
    private final ObjectMapper json;
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final CallerVisibility visibility;
    private final ChangeFanOut fanOut;
    private final SocketSweeper sockets;
    private final Object lock = new Object();
    private final BackgroundLoop loop;

    public RealtimeHub(
            CallerRequestTransactions transactions,
            Sessions sessions,
            CatalogCache catalogs,
            Supplier<Position> eventsHead,
            Supplier<ChangePosition> changesHead,
            ObjectMapper json,
            Clock clock,
            String instanceName) {
        this.sessions = sessions;
        this.eventsHead = eventsHead;
        this.changesHead = changesHead;
        this.json = json;
        var lifetime = new CallerLifetime(clock, sessions);
        this.visibility = new CallerVisibility(transactions);
        this.fanOut = new ChangeFanOut(channels, visibility, lifetime, new ChangeMessages(json, catalogs));
        this.sockets = new SocketSweeper(lifetime, this::disconnected);
        sessions.onEnded(sockets::sessionEnded);
        this.loop = new BackgroundLoop(instanceName + "-realtime", this::run);
    }

    public void start() {
        loop.start();
    }

    /** An event the bus delivered (in commit order). */
    public void onEvent(RecordedEvent event) {
        queue.add(new Change.EventInserted(event, ChangeRecords.event(json, event)));
    }

    /** Row changes the row-change feed read (in commit order). */
    public void onRowChanges(List<RowChange> changes) {
        for (RowChange change : changes) {
            queue.add(new Change.RowChanged(
                    change, ChangeRecords.parse(json, change.record()), ChangeRecords.parse(json, change.oldRecord())));
        }
    }

    /** How many visibility queries ran: one per batch per distinct caller, never one per subscriber and change. */
    public long visibilityQueries() {
        return visibility.queries();
    }

    public int channelCount() {
        return channels.size();
    }

    /** The caller of a token a client sent on the socket, refused when its session has ended. */
    Caller openSession(Caller caller) {
        sessions.require(caller);
        return caller;
    }

    void connected(RealtimeSocket socket) {
        sockets.add(socket);
    }

    void disconnected(RealtimeSocket socket) {
        sockets.remove(socket);
        socket.channels.values().forEach(this::leave);
        socket.channels.clear();
    }

    /**
     * Registers {@code channel}, reads where it starts, then — under the batch lock — runs
     * {@code subscribed} (the SUBSCRIBED reply) and delivers what it matched meanwhile.
     */
    void join(Channel channel, Runnable subscribed) {
        synchronized (lock) {
            channels.add(channel);
        }
        Position events;
        ChangePosition changes;
        try {
            events = eventsHead.get();
            changes = changesHead.get();
        } catch (RuntimeException e) {
            synchronized (lock) {
                channels.remove(channel);
            }
            throw e;
        }
        synchronized (lock) {
            channel.eventsAfter = events;
            channel.changesAfter = changes;
            channel.active = true;
            subscribed.run();
            List<Change> missed =
                    channel.pending.stream().filter(channel::isNew).toList();
            channel.pending.clear();
            if (!missed.isEmpty()) {
                fanOut.deliver(missed, List.of(channel));
            }
        }
    }

    void leave(Channel channel) {
        synchronized (lock) {
            channel.closed = true;
            channels.remove(channel);
        }
    }

    private void run() {
        long lastSweep = System.nanoTime();
        long lastSessionSweep = lastSweep;
        var batch = new ArrayList<Change>();
        while (loop.running()) {
            try {
                Change first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    synchronized (lock) {
                        fanOut.deliver(batch, List.copyOf(channels));
                    }
                    batch.clear();
                }
                if (System.nanoTime() - lastSessionSweep > SESSION_SWEEP.toNanos()) {
                    sockets.closeEndedSessions();
                    lastSessionSweep = System.nanoTime();
                }
                if (System.nanoTime() - lastSweep > Duration.ofSeconds(10).toNanos()) {
                    sockets.closeSilentSockets();
                    lastSweep = System.nanoTime();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Realtime delivery of a batch of {} changes failed: {}", batch.size(), e.toString());
                batch.clear();
            }
        }
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(2));
        sockets.closeAll(1001, "server stopping");
    }
}

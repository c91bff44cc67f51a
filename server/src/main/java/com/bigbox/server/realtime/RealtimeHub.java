package com.bigbox.server.realtime;

import com.bigbox.core.BackgroundLoop;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.postgres.access.ChangePosition;
import com.bigbox.postgres.access.DbRole;
import com.bigbox.postgres.access.RealtimeVisibility;
import com.bigbox.postgres.access.RowChange;
import com.bigbox.server.auth.Caller;
import com.bigbox.server.auth.CallerRequestTransactions;
import com.bigbox.server.auth.Sessions;
import com.bigbox.server.rest.Catalog;
import com.bigbox.server.rest.CatalogCache;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * in batches: for each batch, the channels whose bindings match are grouped by their caller's claims
 * and each group's visibility is asked in ONE transaction as that caller (row-level security decides;
 * the service role skips the question), then each channel gets the changes it may see.
 *
 * <p>A joining channel is registered before the heads are read and activated after, holding the lock
 * that batches are handled under; the changes it matched meanwhile are replayed, so every change
 * committed after SUBSCRIBED reaches it.
 */
public final class RealtimeHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RealtimeHub.class);
    private static final int BATCH = 500;
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(75);
    private static final Duration SESSION_SWEEP = Duration.ofSeconds(2);

    private final CallerRequestTransactions transactions;
    private final Sessions sessions;
    private final Clock clock;
    private final CatalogCache catalogs;
    private final Supplier<Position> eventsHead;
    private final Supplier<ChangePosition> changesHead;
    private final ObjectMapper json;
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final Set<RealtimeSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final BackgroundLoop loop;
    private volatile long visibilityQueries;

    public RealtimeHub(
            CallerRequestTransactions transactions,
            Sessions sessions,
            CatalogCache catalogs,
            Supplier<Position> eventsHead,
            Supplier<ChangePosition> changesHead,
            ObjectMapper json,
            Clock clock,
            String instanceName) {
        this.transactions = transactions;
        this.sessions = sessions;
        sessions.onEnded(this::sessionEnded);
        this.clock = clock;
        this.catalogs = catalogs;
        this.eventsHead = eventsHead;
        this.changesHead = changesHead;
        this.json = json;
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
        return visibilityQueries;
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
                deliver(missed, List.of(channel));
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
                        deliver(batch, List.copyOf(channels));
                    }
                    batch.clear();
                }
                if (System.nanoTime() - lastSessionSweep > SESSION_SWEEP.toNanos()) {
                    closeEndedSessions();
                    lastSessionSweep = System.nanoTime();
                }
                if (System.nanoTime() - lastSweep > Duration.ofSeconds(10).toNanos()) {
                    closeSilentSockets();
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

    // Called under the lock.
    private void deliver(List<Change> batch, List<Channel> candidates) {
        Map<Channel, List<Change>> matched = new LinkedHashMap<>();
        for (Channel channel : candidates) {
            if (channel.closed) {
                continue;
            }
            for (Change change : batch) {
                if (channel.bindings.stream().noneMatch(b -> b.matches(change))) {
                    continue;
                }
                if (!channel.active) {
                    channel.pending.add(change);
                } else if (channel.isNew(change)) {
                    matched.computeIfAbsent(channel, c -> new ArrayList<>()).add(change);
                }
            }
        }
        matched.keySet().removeIf(this::closeIfExpired);
        if (matched.isEmpty()) {
            return;
        }
        Map<String, List<Channel>> byClaims = new LinkedHashMap<>();
        matched.keySet()
                .forEach(c -> byClaims.computeIfAbsent(c.claimsKey(), k -> new ArrayList<>())
                        .add(c));
        Map<Change, ObjectNode> data = new LinkedHashMap<>();
        for (List<Channel> group : byClaims.values()) {
            Set<Change> groupChanges = new HashSet<>();
            group.forEach(c -> groupChanges.addAll(matched.get(c)));
            Set<Change> visible = visible(group.getFirst().caller, groupChanges);
            for (Channel channel : group) {
                for (Change change : matched.get(channel)) {
                    if (visible.contains(change)) {
                        send(channel, change, data.computeIfAbsent(change, this::data));
                    }
                }
            }
        }
    }

    // A channel whose token expired stops receiving, as Supabase closes it; the client may rejoin with a new one.
    // So does one whose session ended (signed out or revoked), which Supabase does not do.
    private boolean closeIfExpired(Channel channel) {
        boolean expired = channel.caller.expired(clock.instant());
        if (!expired && !ended(channel.caller)) {
            return false;
        }
        channel.closed = true;
        channels.remove(channel);
        channel.socket.channels.remove(channel.topic, channel);
        channel.socket.send(new PhoenixMessage(
                channel.joinRef,
                null,
                channel.topic,
                "system",
                json.createObjectNode()
                        .put("extension", "system")
                        .put("status", "error")
                        .put(
                                "message",
                                expired
                                        ? "JWT expired: rejoin with a fresh access_token"
                                        : "the session of this token has ended: sign in again")));
        channel.socket.send(
                new PhoenixMessage(channel.joinRef, null, channel.topic, "phx_close", json.createObjectNode()));
        return true;
    }

    private Set<Change> visible(Caller caller, Set<Change> changes) {
        if (caller.role() == DbRole.SERVICE_ROLE) {
            return changes;
        }
        var positions = new ArrayList<Long>();
        var changeIds = new ArrayList<Long>();
        for (Change change : changes) {
            switch (change) {
                case Change.EventInserted e -> positions.add(e.event().globalPosition());
                case Change.RowChanged r -> changeIds.add(r.change().changeId());
            }
        }
        visibilityQueries++;
        return transactions.run(caller, work -> {
            Connection c = work.unwrap(Connection.class);
            try {
                Set<Long> events = RealtimeVisibility.visibleEvents(c, positions);
                Set<Long> rows = RealtimeVisibility.visibleChanges(c, changeIds);
                var visible = new HashSet<Change>();
                for (Change change : changes) {
                    boolean ok = switch (change) {
                        case Change.EventInserted e -> events.contains(e.event().globalPosition());
                        case Change.RowChanged r -> rows.contains(r.change().changeId());
                    };
                    if (ok) {
                        visible.add(change);
                    }
                }
                return visible;
            } catch (SQLException e) {
                throw new IllegalStateException("checking realtime visibility failed: " + e.getMessage(), e);
            }
        });
    }

    private void send(Channel channel, Change change, ObjectNode data) {
        ObjectNode payload = json.createObjectNode();
        ArrayNode ids = payload.putArray("ids");
        channel.bindings.stream().filter(b -> b.matches(change)).forEach(b -> ids.add(b.id()));
        payload.set("data", data);
        channel.socket.send(new PhoenixMessage(channel.joinRef, null, channel.topic, "postgres_changes", payload));
    }

    private ObjectNode data(Change change) {
        ObjectNode data = json.createObjectNode();
        data.put("schema", "public");
        data.put("table", change.table());
        data.put("commit_timestamp", change.commitTimestamp());
        data.put("type", change.type());
        data.put("eventType", change.type());
        ArrayNode columns = data.putArray("columns");
        catalogs.current().table(change.table()).ifPresent(table -> {
            for (Catalog.Column column : table.columns().values()) {
                columns.addObject().put("name", column.name()).put("type", column.baseType());
            }
        });
        data.set("record", change.record() == null ? json.createObjectNode() : change.record());
        data.set("old_record", change.oldRecord() == null ? json.createObjectNode() : change.oldRecord());
        data.putNull("errors");
        return data;
    }

    private boolean ended(Caller caller) {
        return caller.sessionId() != null && !sessions.active(caller.sessionId());
    }

    // Signed out or revoked on this instance: its sockets close now, not at the next sweep.
    private void sessionEnded(Sessions.Ended ended) {
        for (RealtimeSocket socket : sockets) {
            if (ended.covers(socket.caller)) {
                closeEnded(socket);
            }
        }
    }

    // Sessions ended on another instance (or by a reused refresh token) are found here within seconds.
    private void closeEndedSessions() {
        for (RealtimeSocket socket : sockets) {
            if (ended(socket.caller)) {
                closeEnded(socket);
            }
        }
    }

    private void closeEnded(RealtimeSocket socket) {
        log.info("Realtime socket {}: its session ended; closing it", socket.id());
        socket.close(1008, "session ended");
        disconnected(socket);
    }

    private void closeSilentSockets() {
        long now = System.nanoTime();
        for (RealtimeSocket socket : sockets) {
            if (now - socket.lastSeenNanos > HEARTBEAT_TIMEOUT.toNanos()) {
                log.info(
                        "Realtime socket {} sent no heartbeat for {}s; closing it",
                        socket.id(),
                        HEARTBEAT_TIMEOUT.toSeconds());
                socket.close(1000, "heartbeat timeout");
                disconnected(socket);
            }
        }
    }

    @Override
    public void close() {
        loop.stop(Duration.ofSeconds(2));
        sockets.forEach(s -> s.close(1001, "server stopping"));
    }
}

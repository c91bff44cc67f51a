package com.bigbox.server.realtime;

import com.bigbox.server.auth.Sessions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open sockets of this instance, and the two reasons the server closes one: its session ended (signed out or
 * revoked: at once when it happened on this instance, within seconds when on another one or by a reused refresh
 * token), or it sent no heartbeat for {@link #HEARTBEAT_TIMEOUT}.
 */
final class SocketSweeper {
    private static final Logger log = LoggerFactory.getLogger(SocketSweeper.class);
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(75);

    private final Set<RealtimeSocket> sockets = ConcurrentHashMap.newKeySet();
    private final CallerLifetime lifetime;
    private final Consumer<RealtimeSocket> disconnect;

    /** @param disconnect what the hub does when a socket goes: it leaves the socket's channels */
    SocketSweeper(CallerLifetime lifetime, Consumer<RealtimeSocket> disconnect) {
        this.lifetime = lifetime;
        this.disconnect = disconnect;
    }

    void add(RealtimeSocket socket) {
        sockets.add(socket);
    }

    void remove(RealtimeSocket socket) {
        sockets.remove(socket);
    }

    // Signed out or revoked on this instance: its sockets close now, not at the next sweep.
    void sessionEnded(Sessions.Ended ended) {
        for (RealtimeSocket socket : sockets) {
            if (ended.covers(socket.caller)) {
                closeEnded(socket);
            }
        }
    }

    // Sessions ended on another instance (or by a reused refresh token) are found here within seconds.
    void closeEndedSessions() {
        for (RealtimeSocket socket : sockets) {
            if (lifetime.sessionEnded(socket.caller)) {
                closeEnded(socket);
            }
        }
    }

    void closeSilentSockets() {
        long now = System.nanoTime();
        for (RealtimeSocket socket : sockets) {
            if (now - socket.lastSeenNanos > HEARTBEAT_TIMEOUT.toNanos()) {
                log.info(
                        "Realtime socket {} sent no heartbeat for {}s; closing it",
                        socket.id(),
                        HEARTBEAT_TIMEOUT.toSeconds());
                socket.close(1000, "heartbeat timeout");
                disconnect.accept(socket);
            }
        }
    }

    void closeAll(int status, String reason) {
        sockets.forEach(s -> s.close(status, reason));
    }

    private void closeEnded(RealtimeSocket socket) {
        log.info("Realtime socket {}: its session ended; closing it", socket.id());
        socket.close(1008, "session ended");
        disconnect.accept(socket);
    }
}

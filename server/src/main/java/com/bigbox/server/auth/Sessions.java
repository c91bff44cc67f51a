package com.bigbox.server.auth;

import com.bigbox.postgres.access.RefreshTokenStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Whether a user's token still belongs to an open session, asked on every surface (every request, each
 * SSE batch, each realtime delivery): a signed-out or revoked session's access token stops working at
 * once on this instance and within {@code cacheFor} on the others, not when the token expires. Ending a
 * session here also tells the listeners (the realtime hub closes the session's sockets).
 */
public final class Sessions {
    private static final int EVICT_ABOVE = 50_000;

    /** A session that ended; {@code sessionId} null when every session of the user ended. */
    public record Ended(UUID userId, UUID sessionId) {
        /** Whether a token of {@code caller} belonged to what ended. */
        public boolean covers(Caller caller) {
            return caller.sessionId() != null
                    && userId.toString().equals(caller.subject())
                    && (sessionId == null || sessionId.equals(caller.sessionId()));
        }
    }

    private record Checked(boolean active, long atNanos) {}

    private final RefreshTokenStore store;
    private final long cacheNanos;
    private final LongSupplier nanoClock;
    private final Map<UUID, Checked> checked = new ConcurrentHashMap<>();
    private final List<Consumer<Ended>> listeners = new CopyOnWriteArrayList<>();

    /** @param cacheFor how long an answer is reused (a few seconds at most) */
    public Sessions(RefreshTokenStore store, Duration cacheFor, LongSupplier nanoClock) {
        this.store = store;
        this.cacheNanos = cacheFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Refuses the caller's token when its session has ended; API keys and tokens without a session pass. */
    public void require(Caller caller) {
        if (caller.sessionId() != null && !active(caller.sessionId())) {
            throw new TokenRejectedException(
                    "the session of this token has ended (signed out or revoked): sign in again", false);
        }
    }

    /** Whether the session is still open (cached for at most the configured time). */
    public boolean active(UUID sessionId) {
        long now = nanoClock.getAsLong();
        Checked known = checked.get(sessionId);
        if (known != null && now - known.atNanos() < cacheNanos) {
            return known.active();
        }
        if (checked.size() > EVICT_ABOVE) {
            checked.values().removeIf(c -> now - c.atNanos() >= cacheNanos);
        }
        boolean active = store.sessionActive(sessionId);
        checked.put(sessionId, new Checked(active, now));
        return active;
    }

    public void onEnded(Consumer<Ended> listener) {
        listeners.add(listener);
    }

    /** Ends one session of a user. */
    public void revokeSession(UUID userId, UUID sessionId) {
        store.revokeSession(sessionId);
        checked.put(sessionId, new Checked(false, nanoClock.getAsLong()));
        ended(new Ended(userId, sessionId));
    }

    /** Ends every session of a user (signed out everywhere, rights changed, deleted). */
    public void revokeUser(UUID userId) {
        store.revokeUser(userId);
        // Which cached sessions were the user's is not known here: forget them all, they are re-read once.
        checked.clear();
        ended(new Ended(userId, null));
    }

    private void ended(Ended ended) {
        listeners.forEach(listener -> listener.accept(ended));
    }
}

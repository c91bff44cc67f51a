package com.bigbox.server.realtime;

import com.bigbox.server.auth.Caller;
import com.bigbox.server.auth.Sessions;
import java.time.Clock;

/**
 * Whether a subscriber may still receive once subscribed: its token must not have expired (Supabase closes such a
 * channel; the client may rejoin with a new token) and its session must not have ended — signed out or revoked,
 * which Supabase does not check.
 */
final class CallerLifetime {
    private final Clock clock;
    private final Sessions sessions;

    CallerLifetime(Clock clock, Sessions sessions) {
        this.clock = clock;
        this.sessions = sessions;
    }

    /** Why the caller may no longer receive, as the client is told; null while it may. */
    String endedBecause(Caller caller) {
        if (caller.expired(clock.instant())) {
            return "JWT expired: rejoin with a fresh access_token";
        }
        if (sessionEnded(caller)) {
            return "the session of this token has ended: sign in again";
        }
        return null;
    }

    boolean sessionEnded(Caller caller) {
        return caller.sessionId() != null && !sessions.active(caller.sessionId());
    }
}

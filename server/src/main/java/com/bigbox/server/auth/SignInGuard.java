package com.bigbox.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-account backoff and lockout for guessed passwords, TOTP codes and recovery codes alike: after
 * {@value #BACKOFF_AFTER} failures each further attempt waits 1, 2, 4, 8, 16 s after the last failure;
 * after {@value #LOCK_AFTER} the account is locked for {@link #LOCK_FOR}, unlocked by time or by an
 * administrator. Accounts are counted by the e-mail asked for, whether or not such a user exists, so the
 * answers are the same for both. Counted in this instance's memory (like the rate limits).
 */
public final class SignInGuard {
    static final int BACKOFF_AFTER = 5;
    static final int LOCK_AFTER = 10;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    private static final int EVICT_ABOVE = 100_000;

    private record State(int failures, Instant lastFailure, Instant lockedUntil) {}

    /** What a failure did: {@code locked} when it started a lock (an audit event). */
    public record Failure(int failures, boolean locked, Instant lockedUntil) {}

    private final Clock clock;
    private final Map<String, State> accounts = new ConcurrentHashMap<>();

    public SignInGuard(Clock clock) {
        this.clock = clock;
    }

    /** How long the account must wait before another attempt, if it must. */
    public Optional<Duration> wait(String account) {
        Instant now = clock.instant();
        State state = current(account, now);
        if (state == null) {
            return Optional.empty();
        }
        Instant until = state.lockedUntil() != null ? state.lockedUntil()
                : state.failures() >= BACKOFF_AFTER ? state.lastFailure().plus(backoff(state.failures())) : null;
        return until != null && now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public Failure failed(String account) {
        Instant now = clock.instant();
        if (accounts.size() > EVICT_ABOVE) {
            accounts.values().removeIf(s -> s.lastFailure().plus(LOCK_FOR).isBefore(now));
        }
        State before = current(account, now);
        int failures = (before == null ? 0 : before.failures()) + 1;
        Instant lockedUntil = failures >= LOCK_AFTER ? now.plus(LOCK_FOR) : null;
        accounts.put(account, new State(failures, now, lockedUntil));
        return new Failure(failures, failures == LOCK_AFTER, lockedUntil);
    }

    public void succeeded(String account) {
        accounts.remove(account);
    }

    /** An administrator's unlock (the CEO or the service key). */
    public boolean unlock(String account) {
        return accounts.remove(account) != null;
    }

    // A lock that ran out starts the count afresh.
    private State current(String account, Instant now) {
        State state = accounts.get(account);
        if (state != null && state.lockedUntil() != null && !now.isBefore(state.lockedUntil())) {
            accounts.remove(account, state);
            return null;
        }
        return state;
    }

    static Duration backoff(int failures) {
        return Duration.ofSeconds(1L << Math.min(failures - BACKOFF_AFTER, 4));
    }
}

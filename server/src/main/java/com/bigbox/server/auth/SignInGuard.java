package com.bigbox.server.auth;

import com.bigbox.autonomic.events.AccountEvent;
import com.bigbox.postgres.access.SignInAttempts;
import com.bigbox.postgres.access.SignInAttempts.Change;
import com.bigbox.postgres.access.SignInAttempts.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-account backoff and lockout for guessed passwords, TOTP codes and recovery codes alike. Every attempt
 * is counted as a failure before its credentials are checked (a success then forgets the account), so
 * guesses sent in parallel are counted too. After {@value #BACKOFF_AFTER} failures an attempt made within
 * 1, 2, 4, 8, 16 s of the last one is refused unchecked — and counted, since a person does not retry that
 * fast; the {@value #LOCK_AFTER}th failure locks the account for {@link #LOCK_FOR}, lifted by time or by the
 * CEO / the service key, each lock and unlock an audit event. Accounts are counted by the e-mail asked for,
 * whether or not such a user exists, so the answers are the same for both. The counts live in PostgreSQL
 * ({@link SignInAttempts}): every instance sees the same lock.
 */
public final class SignInGuard {
    static final int BACKOFF_AFTER = 5;
    static final int LOCK_AFTER = 10;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);

    /** An attempt's verdict: check the credentials, or refuse them unchecked. */
    public sealed interface Verdict {
        record Check() implements Verdict {}

        /** @param retryAfter when another attempt may be checked */
        record Refuse(Duration retryAfter) implements Verdict {}
    }

    /** What one attempt does to an account: its next state, whether it starts a lock, and a refusal if any. */
    record Step(State next, boolean locks, Duration refuseFor) {}

    private final SignInAttempts attempts;
    private final Clock clock;

    public SignInGuard(SignInAttempts attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * Counts an attempt at {@code account} (the SHA-256 of the e-mail) and says whether to check it;
     * {@code userId} names the user in the audit event, null when the e-mail belongs to nobody.
     */
    public Verdict attempt(String account, UUID userId) {
        Instant now = clock.instant();
        Step[] step = new Step[1];
        attempts.change(account, now, state -> {
            step[0] = step(state, now);
            AccountEvent audit = step[0].locks()
                    ? new AccountEvent.Locked(
                            account,
                            userId == null ? null : userId.toString(),
                            step[0].next().failures(),
                            step[0].next().lockedUntil())
                    : null;
            return new Change(step[0].next(), audit);
        });
        return step[0].refuseFor() == null ? new Verdict.Check() : new Verdict.Refuse(step[0].refuseFor());
    }

    /** The credentials were right: the account's failures are forgotten. */
    public void succeeded(String account) {
        attempts.change(account, clock.instant(), state -> Change.forget());
    }

    /** An administrator's unlock (the CEO or the service key), an audit event; whether failures were in force. */
    public boolean unlock(String account, UUID userId, String by) {
        Instant now = clock.instant();
        boolean[] wasLocked = new boolean[1];
        attempts.change(account, now, state -> {
            wasLocked[0] = current(state, now).isPresent();
            return new Change(null, new AccountEvent.Unlocked(account, userId.toString(), by, wasLocked[0]));
        });
        return wasLocked[0];
    }

    /** The policy, on a given state and time. */
    static Step step(Optional<State> stored, Instant now) {
        State state = current(stored, now).orElse(null);
        if (state != null && state.lockedUntil() != null) {
            return new Step(state, false, Duration.between(now, state.lockedUntil()));
        }
        int failures = (state == null ? 0 : state.failures()) + 1;
        if (failures >= LOCK_AFTER) {
            return new Step(new State(failures, now, now.plus(LOCK_FOR)), true, LOCK_FOR);
        }
        boolean backingOff = state != null
                && state.failures() >= BACKOFF_AFTER
                && now.isBefore(state.lastFailure().plus(backoff(state.failures())));
        return new Step(new State(failures, now, null), false, backingOff ? backoff(failures) : null);
    }

    // A lock that ran out, or failures quiet for as long as a lock lasts, start the count afresh.
    private static Optional<State> current(Optional<State> stored, Instant now) {
        return stored.filter(s -> s.lockedUntil() != null
                ? now.isBefore(s.lockedUntil())
                : now.isBefore(s.lastFailure().plus(LOCK_FOR)));
    }

    static Duration backoff(int failures) {
        return Duration.ofSeconds(1L << Math.min(Math.max(failures - BACKOFF_AFTER, 0), 4));
    }
}

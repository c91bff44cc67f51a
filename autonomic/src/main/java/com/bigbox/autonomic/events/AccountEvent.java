package com.bigbox.autonomic.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail of a sign-in account ({@code ACCOUNT/<user id>}, or {@code ACCOUNT/<account>} for an
 * e-mail that belongs to nobody): locks after repeated failed passwords, TOTP or recovery codes, and
 * their lifting. Staff read them like any event; a client sees none (they name no client).
 */
public sealed interface AccountEvent extends DomainEvent {
    /** SHA-256 of the normalised e-mail: the key the failures are counted under. */
    String account();

    @Override
    default @Nullable String clientId() {
        return null;
    }

    /**
     * @param userId the user, or null when the e-mail belongs to nobody (still counted and locked alike)
     * @param failures failed attempts in a row when the lock began
     */
    record Locked(String account, String userId, int failures, Instant lockedUntil) implements AccountEvent {}

    /**
     * @param unlockedBy who lifted it: the CEO's user or the service key
     * @param wasLocked whether a lock or a backoff was in force
     */
    record Unlocked(String account, String userId, String unlockedBy, boolean wasLocked) implements AccountEvent {}
}

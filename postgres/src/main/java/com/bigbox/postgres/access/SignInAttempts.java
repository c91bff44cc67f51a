package com.bigbox.postgres.access;

import com.bigbox.autonomic.events.AccountEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.core.Uuids;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Failed sign-ins per account ({@code bigbox_access.sign_in_attempts}, migration V51), shared by every
 * engine instance on the database. Each change is one transaction that holds the account's advisory lock,
 * so attempts at one account are decided one after the other across instances, and that stores a lock's
 * audit event ({@link AccountEvent}) with the lock itself: no lock without its event.
 */
public final class SignInAttempts {
    /** An account's failures in a row, the last one's time, and the end of its lock, if locked. */
    public record State(int failures, Instant lastFailure, Instant lockedUntil) {}

    /**
     * What to store for an account: its next state (null: forget it) and the audit event to append with
     * it, if any.
     */
    public record Change(State next, AccountEvent audit) {
        public static Change forget() {
            return new Change(null, null);
        }
    }

    // The two-key form lives apart from the one-key locks (the events trigger's), so keys cannot collide.
    private static final int LOCK_CLASS = 0x5349474e; // "SIGN"
    private static final String LOCK = SqlResource.load(SignInAttempts.class, "sign_in_lock");
    private static final String READ = SqlResource.load(SignInAttempts.class, "sign_in_state");
    private static final String WRITE = SqlResource.load(SignInAttempts.class, "sign_in_store");
    private static final String DELETE = SqlResource.load(SignInAttempts.class, "sign_in_forget");
    private static final String PURGE = SqlResource.load(SignInAttempts.class, "sign_in_purge");
    private static final String AUDIT = SqlResource.load(SignInAttempts.class, "sign_in_audit_event");

    private final DataSource pool;
    private final Duration keep;

    /** @param keep how long an unlocked account's failures are remembered after its last one */
    public SignInAttempts(DataSource pool, Duration keep) {
        this.pool = pool;
        this.keep = keep;
    }

    /** The account's state as stored. */
    public Optional<State> read(String account) {
        try (Connection c = pool.getConnection()) {
            return read(c, account);
        } catch (SQLException e) {
            throw new AccessStoreException("reading sign-in failures failed", e);
        }
    }

    /**
     * Decides and stores the account's next state in one transaction, under the account's lock;
     * {@code decide} sees the stored state (empty when none) and may be called once per call.
     */
    public Change change(String account, Instant now, Function<Optional<State>, Change> decide) {
        try (Connection c = pool.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement(LOCK)) {
                    lock.setInt(1, LOCK_CLASS);
                    lock.setString(2, account);
                    lock.execute();
                }
                Change change = decide.apply(read(c, account));
                store(c, account, change.next());
                if (change.audit() != null) {
                    audit(c, change.audit());
                }
                // Failures of e-mails tried once and never again would pile up; clear them now and then.
                if (ThreadLocalRandom.current().nextInt(64) == 0) {
                    purge(c, now);
                }
                c.commit();
                return change;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new AccessStoreException("recording a sign-in attempt failed", e);
        }
    }

    private static Optional<State> read(Connection c, String account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(READ)) {
            s.setString(1, account);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp locked = rs.getTimestamp(3);
                return Optional.of(new State(
                        rs.getInt(1), rs.getTimestamp(2).toInstant(), locked == null ? null : locked.toInstant()));
            }
        }
    }

    private static void store(Connection c, String account, State next) throws SQLException {
        if (next == null) {
            try (PreparedStatement s = c.prepareStatement(DELETE)) {
                s.setString(1, account);
                s.executeUpdate();
            }
            return;
        }
        try (PreparedStatement s = c.prepareStatement(WRITE)) {
            s.setString(1, account);
            s.setInt(2, next.failures());
            s.setTimestamp(3, Timestamp.from(next.lastFailure()));
            s.setTimestamp(4, next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()));
            s.executeUpdate();
        }
    }

    private static void audit(Connection c, AccountEvent event) throws SQLException {
        UUID id = Uuids.timeOrdered();
        String stream = event.account();
        String by = "auth";
        if (event instanceof AccountEvent.Locked locked && locked.userId() != null) {
            stream = locked.userId();
        } else if (event instanceof AccountEvent.Unlocked unlocked) {
            stream = unlocked.userId() != null ? unlocked.userId() : stream;
            by = unlocked.unlockedBy();
        }
        try (PreparedStatement s = c.prepareStatement(AUDIT)) {
            s.setObject(1, id);
            s.setString(2, EventCodec.typeOf(event));
            s.setObject(3, id);
            s.setString(4, EventTypes.ACCOUNT_AGGREGATE);
            s.setString(5, stream);
            s.setString(6, EventCodec.payload(event));
            s.setString(7, by);
            s.executeUpdate();
        }
    }

    private void purge(Connection c, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PURGE)) {
            s.setTimestamp(1, Timestamp.from(now.minus(keep)));
            s.setTimestamp(2, Timestamp.from(now));
            s.executeUpdate();
        }
    }
}

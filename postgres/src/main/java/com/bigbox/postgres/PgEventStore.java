package com.bigbox.postgres;

import com.bigbox.core.AppendResult;
import com.bigbox.core.EventStore;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.InvalidEventException;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.Snapshot;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.bigbox.core.WrongExpectedVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The event store on PostgreSQL. Sequence numbers are assigned by the database (a trigger that locks
 * the stream's row), so every writer, psql included, gets dense numbers; reads of the global order
 * stop below the oldest open event-writing transaction, so late commits are never skipped.
 */
public final class PgEventStore implements EventStore {
    private static final String FIND_MANY = SqlResource.load(PgEventStore.class, "find_events_by_ids");
    private static final String SAVE_SNAPSHOT = SqlResource.load(PgEventStore.class, "save_snapshot");
    private static final String LATEST_SNAPSHOT = SqlResource.load(PgEventStore.class, "latest_snapshot");
    private static final String PARSES_AS_JSONB = SqlResource.load(PgEventStore.class, "parses_as_jsonb");

    private final DataSource pool;
    private final Runnable afterCommit;
    private final PgMeters meters;

    /**
     * @param pool the engine's own (privileged) connections
     * @param afterCommit called after every commit that appended events (the coalesced wake-up of
     *     the cluster's real-time feeds)
     */
    public PgEventStore(DataSource pool, Runnable afterCommit) {
        this(pool, afterCommit, PgMeters.none());
    }

    PgEventStore(DataSource pool, Runnable afterCommit, PgMeters meters) {
        this.pool = pool;
        this.afterCommit = afterCommit;
        this.meters = meters;
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        try (Connection connection = pool.getConnection()) {
            AppendResult result = append(connection, true, stream, expected, events);
            if (!result.duplicate()) {
                afterCommit.run();
            }
            return result;
        } catch (SQLException e) {
            throw new EventStoreException("append to " + stream + " failed: " + PgErrors.serverMessage(e), e);
        }
    }

    AppendResult append(
            Connection connection,
            boolean engineConnection,
            StreamId stream,
            ExpectedVersion expected,
            List<NewEvent> events)
            throws SQLException {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            AppendResult result = appendTimed(connection, engineConnection, stream, expected, events);
            outcome = result.duplicate() ? "duplicate" : "stored";
            return result;
        } catch (InvalidEventException | WrongExpectedVersionException e) {
            outcome = "refused";
            throw e;
        } finally {
            meters.appended(start, outcome, events.size());
        }
    }

    private AppendResult appendTimed(
            Connection connection,
            boolean engineConnection,
            StreamId stream,
            ExpectedVersion expected,
            List<NewEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            throw new InvalidEventException("events", "must not be empty");
        }
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = autoCommit ? null : connection.setSavepoint();
        try {
            List<RecordedEvent> stored = EventAppends.insert(connection, engineConnection, stream, expected, events);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return new AppendResult(stream, stored.getLast().sequenceNumber(), stored, false);
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            if (PgErrors.UNIQUE_VIOLATION.equals(e.getSQLState()) && "events_pkey".equals(PgErrors.constraint(e))) {
                return alreadyStored(connection, stream, events);
            }
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                throw new InvalidEventException(
                        badJsonField(connection, events), "is not valid JSON: " + PgErrors.serverMessage(e));
            }
            throw PgErrors.translate(e, stream, expected);
        }
    }

    // A retry of an append that was stored before: answer with what is stored, store nothing.
    private AppendResult alreadyStored(Connection connection, StreamId stream, List<NewEvent> events)
            throws SQLException {
        List<RecordedEvent> existing;
        try (PreparedStatement statement = connection.prepareStatement(FIND_MANY)) {
            statement.setArray(
                    1,
                    connection.createArrayOf(
                            "uuid", events.stream().map(NewEvent::eventId).toArray()));
            try (var rs = statement.executeQuery()) {
                existing = EventRows.mapAll(rs);
            }
        }
        boolean sameAppend = existing.size() == events.size()
                && existing.stream().allMatch(e -> e.stream().equals(stream));
        if (!sameAppend) {
            throw new InvalidEventException("event_id", "is already used by another stored event");
        }
        return new AppendResult(stream, existing.getLast().sequenceNumber(), existing, true);
    }

    // Only on the error path: find which document the database could not parse, to name it. On the append's own
    // connection (a second one from the pool, taken while this one is held, can wait forever when every connection is
    // held so); inside a savepoint, so that the failed check leaves a caller's transaction usable.
    private String badJsonField(Connection connection, List<NewEvent> events) throws SQLException {
        Savepoint checks = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (PreparedStatement check = connection.prepareStatement(PARSES_AS_JSONB)) {
            for (NewEvent e : events) {
                if (!parses(check, e.payload())) {
                    return "payload";
                }
                if (!parses(check, e.metadata())) {
                    return "metadata";
                }
            }
        } finally {
            if (checks != null) {
                connection.rollback(checks);
            }
        }
        return "payload";
    }

    private static boolean parses(PreparedStatement check, String json) {
        try {
            check.setString(1, json);
            check.executeQuery().close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromSequence) {
        return withConnection(c -> EventQueries.readStream(c, stream, fromSequence));
    }

    @Override
    public List<RecordedEvent> readAll(Position after, int limit, Set<String> eventTypes) {
        return withConnection(c -> EventQueries.readAll(c, after, limit, eventTypes));
    }

    @Override
    public Position head() {
        return withConnection(EventQueries::head);
    }

    @Override
    public Optional<Position> positionOf(long globalPosition) {
        return withConnection(c -> EventQueries.positionOf(c, globalPosition));
    }

    @Override
    public Optional<RecordedEvent> find(UUID eventId) {
        return withConnection(c -> EventQueries.find(c, eventId));
    }

    @Override
    public long version(StreamId stream) {
        return withConnection(c -> EventQueries.version(c, stream));
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(SAVE_SNAPSHOT)) {
            statement.setString(1, snapshot.stream().type());
            statement.setString(2, snapshot.stream().id());
            statement.setLong(3, snapshot.version());
            statement.setString(4, snapshot.state());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new EventStoreException("saving a snapshot of " + snapshot.stream() + " failed", e);
        }
    }

    @Override
    public Optional<Snapshot> latestSnapshot(StreamId stream) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(LATEST_SNAPSHOT)) {
            statement.setString(1, stream.type());
            statement.setString(2, stream.id());
            try (var rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Snapshot(stream, rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new EventStoreException("reading the snapshot of " + stream + " failed", e);
        }
    }

    @Override
    public <T> T inTransaction(Function<UnitOfWork, T> work) {
        return transaction(null, work);
    }

    /** Switches a transaction's connection to a caller, e.g. {@code SET LOCAL ROLE} and {@code request.jwt.claims}. */
    @FunctionalInterface
    public interface CallerSetup {
        void apply(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on a caller's behalf: {@code asCaller} first switches the
     * connection to the caller's role, so that row-level security decides what the work sees and
     * changes; the engine's own rights are never used for it.
     */
    public <T> T inTransactionAs(CallerSetup asCaller, Function<UnitOfWork, T> work) {
        return transaction(asCaller, work);
    }

    // The pool resets auto-commit when the connection goes back.
    private <T> T transaction(CallerSetup asCaller, Function<UnitOfWork, T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (asCaller != null) {
                    asCaller.apply(connection);
                }
                var unit = new PgUnitOfWork(this, connection, asCaller == null);
                T result = work.apply(unit);
                connection.commit();
                if (unit.appended()) {
                    afterCommit.run();
                }
                return result;
            } catch (RuntimeException | SQLException e) {
                rollbackKeeping(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("transaction failed: " + PgErrors.serverMessage(e), e);
        }
    }

    // The failure that ended the work is what the caller must see; a rollback that fails too (a
    // broken connection) only adds to it.
    private static void rollbackKeeping(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    private <T> T withConnection(EventQueries.Query<T> query) {
        try (Connection connection = pool.getConnection()) {
            return query.run(connection);
        } catch (SQLException e) {
            throw new EventStoreException("reading events failed: " + PgErrors.serverMessage(e), e);
        }
    }
}

package com.bigbox.postgres;

import com.bigbox.core.AppendResult;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A unit of work on one JDBC connection with auto-commit off. */
final class PgUnitOfWork implements UnitOfWork {
    private final PgEventStore store;
    private final Connection connection;
    private final boolean engineConnection;
    private boolean appended;

    /** @param engineConnection the engine's own connection, not one switched to a caller's role */
    PgUnitOfWork(PgEventStore store, Connection connection, boolean engineConnection) {
        this.store = store;
        this.connection = connection;
        this.engineConnection = engineConnection;
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        try {
            AppendResult result = store.append(connection, engineConnection, stream, expected, events);
            appended |= !result.duplicate();
            return result;
        } catch (SQLException e) {
            throw new EventStoreException("append to " + stream + " failed: " + PgErrors.serverMessage(e), e);
        }
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long fromSequence) {
        return read(c -> EventQueries.readStream(c, stream, fromSequence));
    }

    @Override
    public List<RecordedEvent> readAll(Position after, int limit, Set<String> eventTypes) {
        return read(c -> EventQueries.readAll(c, after, limit, eventTypes));
    }

    @Override
    public Position head() {
        return read(EventQueries::head);
    }

    @Override
    public Optional<Position> positionOf(long globalPosition) {
        return read(c -> EventQueries.positionOf(c, globalPosition));
    }

    @Override
    public Optional<RecordedEvent> find(UUID eventId) {
        return read(c -> EventQueries.find(c, eventId));
    }

    @Override
    public long version(StreamId stream) {
        return read(c -> EventQueries.version(c, stream));
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(connection)) {
            return type.cast(connection);
        }
        throw new IllegalArgumentException(
                "a PostgreSQL unit of work offers a java.sql.Connection, not " + type.getName());
    }

    boolean appended() {
        return appended;
    }

    private <T> T read(EventQueries.Query<T> query) {
        try {
            return query.run(connection);
        } catch (SQLException e) {
            throw new EventStoreException("reading events failed: " + PgErrors.serverMessage(e), e);
        }
    }
}

package com.bigbox.postgres;

import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The reads of the log, on whichever connection they are given: the store's pool, a subscription's
 * transaction, or a caller's transaction under row-level security.
 */
final class EventQueries {
    private static final String READ_STREAM = SqlResource.load(EventQueries.class, "read_stream");
    private static final String READ_ALL = SqlResource.load(EventQueries.class, "read_all");
    private static final String HEAD = SqlResource.load(EventQueries.class, "settled_head");
    private static final String POSITION_OF = SqlResource.load(EventQueries.class, "position_of");
    private static final String FIND = SqlResource.load(EventQueries.class, "find_event");
    private static final String VERSION = SqlResource.load(EventQueries.class, "stream_version");

    private EventQueries() {}

    @FunctionalInterface
    interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    static List<RecordedEvent> readStream(Connection c, StreamId stream, long fromSequence) throws SQLException {
        return events(c, READ_STREAM, s -> {
            s.setString(1, stream.type());
            s.setString(2, stream.id());
            s.setLong(3, fromSequence);
        });
    }

    static List<RecordedEvent> readAll(Connection c, Position after, int limit, Set<String> eventTypes)
            throws SQLException {
        return events(c, READ_ALL, s -> {
            s.setLong(1, after.transactionSeq());
            s.setLong(2, after.globalPosition());
            s.setInt(3, limit);
            s.setArray(4, eventTypes.isEmpty() ? null : c.createArrayOf("text", eventTypes.toArray()));
        });
    }

    static Position head(Connection c) throws SQLException {
        return position(c, HEAD, s -> {}).orElse(Position.START);
    }

    static Optional<Position> positionOf(Connection c, long globalPosition) throws SQLException {
        return position(c, POSITION_OF, s -> s.setLong(1, globalPosition));
    }

    static Optional<RecordedEvent> find(Connection c, UUID eventId) throws SQLException {
        return events(c, FIND, s -> s.setObject(1, eventId)).stream().findFirst();
    }

    static long version(Connection c, StreamId stream) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(VERSION)) {
            statement.setString(1, stream.type());
            statement.setString(2, stream.id());
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static List<RecordedEvent> events(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            binder.bind(statement);
            statement.setFetchSize(5_000);
            try (var rs = statement.executeQuery()) {
                return EventRows.mapAll(rs);
            }
        }
    }

    private static Optional<Position> position(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            binder.bind(statement);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Position(rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }
}

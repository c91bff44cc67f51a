package com.bigbox.postgres;

import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append statements, the store's hot path. One event: a plain insert, numbered by the trigger.
 * Several events on the engine's own connection: one statement that reserves their numbers once
 * ({@code events_reserve}) instead of bumping the stream's version row per event. Several events in
 * a caller's transaction (row-level security, no right to reserve): numbered by the trigger. Only
 * the generated columns come back; the rest of each stored event is what was sent.
 */
final class EventAppends {
    private static final String ONE = SqlResource.load(EventAppends.class, "append_one");
    private static final String RESERVED = SqlResource.load(EventAppends.class, "append_reserved");
    private static final String NUMBERED_BY_TRIGGER =
            SqlResource.load(EventAppends.class, "append_numbered_by_trigger");

    private EventAppends() {}

    /**
     * @param engineConnection the engine's own connection (may reserve numbers), not a caller's
     */
    static List<RecordedEvent> insert(
            Connection connection,
            boolean engineConnection,
            StreamId stream,
            ExpectedVersion expected,
            List<NewEvent> events)
            throws SQLException {
        Long expectedVersion = expected instanceof ExpectedVersion.Exactly(long version) ? version : null;
        if (events.size() == 1) {
            return one(connection, stream, expectedVersion, events.getFirst());
        }
        String sql = engineConnection ? RESERVED : NUMBERED_BY_TRIGGER;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            int i = 1;
            if (engineConnection) {
                s.setString(i++, stream.type());
                s.setString(i++, stream.id());
                s.setInt(i++, events.size());
                setLong(s, i++, expectedVersion);
                s.setString(i++, stream.type());
                s.setString(i++, stream.id());
            } else {
                s.setString(i++, stream.type());
                s.setString(i++, stream.id());
                setLong(s, i++, expectedVersion);
            }
            bindArrays(connection, s, i, events);
            return recorded(s, stream, events);
        }
    }

    private static List<RecordedEvent> one(Connection connection, StreamId stream, Long expectedVersion, NewEvent e)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(ONE)) {
            s.setObject(1, e.eventId());
            s.setString(2, e.type());
            s.setObject(3, e.correlationId());
            s.setObject(4, e.causationId());
            s.setString(5, stream.type());
            s.setString(6, stream.id());
            setLong(s, 7, expectedVersion == null ? null : expectedVersion + 1);
            s.setString(8, e.payload());
            s.setString(9, e.metadata());
            s.setString(10, e.emittedBy());
            s.setBigDecimal(11, confidence(e));
            s.setTimestamp(12, e.timestamp() == null ? null : Timestamp.from(e.timestamp()));
            return recorded(s, stream, List.of(e));
        }
    }

    private static void bindArrays(Connection connection, PreparedStatement s, int first, List<NewEvent> events)
            throws SQLException {
        int n = events.size();
        var ids = new UUID[n];
        var types = new String[n];
        var correlations = new UUID[n];
        var causations = new UUID[n];
        var payloads = new String[n];
        var metadata = new String[n];
        var emitters = new String[n];
        var confidences = new BigDecimal[n];
        var timestamps = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            ids[i] = e.eventId();
            types[i] = e.type();
            correlations[i] = e.correlationId();
            causations[i] = e.causationId();
            payloads[i] = e.payload();
            metadata[i] = e.metadata();
            emitters[i] = e.emittedBy();
            confidences[i] = confidence(e);
            timestamps[i] = e.timestamp() == null ? null : Timestamp.from(e.timestamp());
        }
        int i = first;
        s.setArray(i++, connection.createArrayOf("uuid", ids));
        s.setArray(i++, connection.createArrayOf("text", types));
        s.setArray(i++, connection.createArrayOf("uuid", correlations));
        s.setArray(i++, connection.createArrayOf("uuid", causations));
        s.setArray(i++, connection.createArrayOf("text", payloads));
        s.setArray(i++, connection.createArrayOf("text", metadata));
        s.setArray(i++, connection.createArrayOf("text", emitters));
        s.setArray(i++, connection.createArrayOf("numeric", confidences));
        s.setArray(i, connection.createArrayOf("timestamptz", timestamps));
    }

    private record Generated(
            long sequenceNumber, long transactionSeq, long globalPosition, Timestamp timestamp, Timestamp createdAt) {}

    // The stored events, in the order they were given, from what was sent plus what the database made.
    private static List<RecordedEvent> recorded(PreparedStatement s, StreamId stream, List<NewEvent> events)
            throws SQLException {
        Map<UUID, Generated> generated = new HashMap<>();
        try (var rs = s.executeQuery()) {
            while (rs.next()) {
                generated.put(
                        rs.getObject(1, UUID.class),
                        new Generated(
                                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getTimestamp(5), rs.getTimestamp(6)));
            }
        }
        var stored = new ArrayList<RecordedEvent>(events.size());
        for (NewEvent e : events) {
            Generated g = generated.get(e.eventId());
            stored.add(new RecordedEvent(
                    e.eventId(),
                    e.type(),
                    stream,
                    g.sequenceNumber(),
                    new Position(g.transactionSeq(), g.globalPosition()),
                    e.payload(),
                    e.metadata(),
                    e.correlationId(),
                    e.causationId(),
                    e.emittedBy(),
                    e.confidence(),
                    g.timestamp().toInstant(),
                    g.createdAt().toInstant()));
        }
        return stored;
    }

    private static BigDecimal confidence(NewEvent e) {
        return e.confidence() == null ? null : BigDecimal.valueOf(e.confidence().value());
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}

package com.bigbox.postgres;

import com.bigbox.core.Confidence;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Maps rows of {@code events} to {@link RecordedEvent}, by position. Every {@code .sql} file whose rows it maps
 * selects these columns in this order: {@code event_id, event_type, aggregate_type, aggregate_id, sequence_number,
 * transaction_seq, global_position, payload::text as payload, metadata::text as metadata, correlation_id,
 * causation_id, emitted_by, confidence, "timestamp", created_at}.
 */
public final class EventRows {
    private EventRows() {}

    public static RecordedEvent map(ResultSet rs) throws SQLException {
        BigDecimal confidence = rs.getBigDecimal(13);
        return new RecordedEvent(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                new StreamId(rs.getString(3), rs.getString(4)),
                rs.getLong(5),
                new Position(rs.getLong(6), rs.getLong(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getObject(10, UUID.class),
                rs.getObject(11, UUID.class),
                rs.getString(12),
                confidence == null ? null : Confidence.of(confidence.doubleValue()),
                instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)));
    }

    static List<RecordedEvent> mapAll(ResultSet rs) throws SQLException {
        var events = new ArrayList<RecordedEvent>();
        while (rs.next()) {
            events.add(map(rs));
        }
        return events;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

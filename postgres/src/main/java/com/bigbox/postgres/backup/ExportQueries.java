package com.bigbox.postgres.backup;

import com.bigbox.core.Position;
import com.bigbox.postgres.backup.EventExporter.Request;
import com.bigbox.postgres.backup.ExportManifest.SourcePosition;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What an {@link EventExporter} reads from the database: the settled head, the events between two positions as
 * JSON lines built by PostgreSQL itself (so {@code payload} and {@code metadata} are written exactly as stored), their
 * count, and where each subscription stood.
 */
final class ExportQueries {
    private static final int BATCH = 2_000;

    // Each subscription's last handled event among those exported (between the first and the last exported position).
    private static final String CHECKPOINTS = """
            select c.subscription_name, e.event_id, e.transaction_seq, e.global_position
              from subscription_checkpoints c
              cross join lateral (
                select event_id, transaction_seq, global_position from events
                 where (transaction_seq, global_position) <= (c.transaction_seq, c.global_position)
                   and (transaction_seq, global_position) <= (?, ?)
                   and (transaction_seq, global_position) >= (?, ?)
                 order by transaction_seq desc, global_position desc
                 limit 1) e
             order by c.subscription_name""";

    private static final String LINES = """
            select json_build_object(
                     'event_id', event_id, 'event_type', event_type,
                     'aggregate_type', aggregate_type, 'aggregate_id', aggregate_id, 'sequence_number', sequence_number,
                     'correlation_id', correlation_id, 'causation_id', causation_id,
                     'emitted_by', emitted_by, 'confidence', confidence,
                     'timestamp', "timestamp", 'created_at', created_at,
                     'payload', payload, 'metadata', metadata,
                     'position', json_build_object('transaction_seq', transaction_seq, 'global_position', global_position)
                   )::text,
                   transaction_seq, global_position, "timestamp"
              from events
             where (transaction_seq, global_position) > (?, ?)
               and (transaction_seq, global_position) <= (?, ?)
               and "timestamp" >= coalesce(?::timestamptz, '-infinity')
             order by transaction_seq, global_position
             limit ?""";

    private static final String COUNT = """
            select count(*) from events
             where (transaction_seq, global_position) > (?, ?)
               and (transaction_seq, global_position) <= (?, ?)
               and "timestamp" >= coalesce(?::timestamptz, '-infinity')""";

    private static final String HEAD =
            "select transaction_seq, global_position from events_head() where transaction_seq is not null";

    private static final String POSITION_OF =
            "select transaction_seq, global_position from events where global_position = ?";

    private final DataSource pool;

    ExportQueries(DataSource pool) {
        this.pool = pool;
    }

    // Each subscription's last handled event among those exported.
    List<ExportManifest.Checkpoint> checkpoints(ExportManifest manifest) throws SQLException {
        var checkpoints = new ArrayList<ExportManifest.Checkpoint>();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(CHECKPOINTS)) {
            s.setLong(1, manifest.lastPosition().transactionSeq());
            s.setLong(2, manifest.lastPosition().globalPosition());
            if (manifest.firstPosition() != null) {
                s.setLong(3, manifest.firstPosition().transactionSeq());
                s.setLong(4, manifest.firstPosition().globalPosition());
            } else {
                s.setLong(3, 0);
                s.setLong(4, 0);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    checkpoints.add(new ExportManifest.Checkpoint(
                            rs.getString(1),
                            rs.getObject(2, UUID.class),
                            new SourcePosition(rs.getLong(3), rs.getLong(4))));
                }
            }
        }
        return checkpoints;
    }

    Position fill(
            ExportSegmentWriter segment,
            Position after,
            Position end,
            Request request,
            long doneBefore,
            long total,
            Progress progress)
            throws IOException, SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (var s = c.createStatement()) {
                    s.execute("set local time zone 'UTC'");
                }
                try (PreparedStatement s = c.prepareStatement(LINES)) {
                    while (segment.events() < request.segmentEvents()) {
                        int limit = (int) Math.min(BATCH, request.segmentEvents() - segment.events());
                        bindRange(s, after, end, request.since());
                        s.setInt(6, limit);
                        int read = 0;
                        try (var rs = s.executeQuery()) {
                            while (rs.next()) {
                                after = new Position(rs.getLong(2), rs.getLong(3));
                                segment.write(
                                        rs.getString(1),
                                        sourcePosition(after),
                                        rs.getTimestamp(4).toInstant());
                                read++;
                            }
                        }
                        progress.advanced(doneBefore + segment.events(), total);
                        if (read < limit) {
                            break;
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return after;
    }

    long count(Position after, Position end, Instant since) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(COUNT)) {
            bindRange(s, after, end, since);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bindRange(PreparedStatement s, Position after, Position end, Instant since)
            throws SQLException {
        s.setLong(1, after.transactionSeq());
        s.setLong(2, after.globalPosition());
        s.setLong(3, end.transactionSeq());
        s.setLong(4, end.globalPosition());
        s.setTimestamp(5, since == null ? null : Timestamp.from(since));
    }

    // Everything at or below the head is settled: no open writer can still commit an event before it.
    Position head() throws SQLException {
        try (Connection c = pool.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(HEAD)) {
            return rs.next() ? new Position(rs.getLong(1), rs.getLong(2)) : Position.START;
        }
    }

    SourcePosition sourcePosition(long globalPosition) throws SQLException {
        if (globalPosition == 0) {
            return new SourcePosition(0, 0);
        }
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(POSITION_OF)) {
            s.setLong(1, globalPosition);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new BackupException("--after " + globalPosition + ": no event has that global position");
                }
                return new SourcePosition(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private static SourcePosition sourcePosition(Position position) {
        return new SourcePosition(position.transactionSeq(), position.globalPosition());
    }
}

package com.bigbox.postgres.backup;

import com.bigbox.core.Position;
import com.bigbox.postgres.SqlResource;
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

    private static final String CHECKPOINTS = SqlResource.load(ExportQueries.class, "export_checkpoints");
    private static final String LINES = SqlResource.load(ExportQueries.class, "export_lines");
    private static final String COUNT = SqlResource.load(ExportQueries.class, "export_count");
    private static final String HEAD = SqlResource.load(ExportQueries.class, "settled_head");
    private static final String POSITION_OF = SqlResource.load(ExportQueries.class, "position_of");
    private static final String UTC_TIMESTAMPS = SqlResource.load(ExportQueries.class, "utc_timestamps");

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
                    s.execute(UTC_TIMESTAMPS);
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

package com.bigbox.postgres.backup;

import com.bigbox.postgres.SqlResource;
import com.bigbox.postgres.backup.ExportManifest.Segment;
import com.bigbox.postgres.backup.ExportVerification.StreamRange;
import com.bigbox.postgres.backup.ExportedEvent.StreamKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads an export back into a database. Every segment's SHA-256, size and event count is checked, and
 * every stream's numbering is checked against the database, before anything is written; then the
 * events are appended in the export's order, keeping their ids, streams, sequence numbers,
 * timestamps, correlation and causation. Events already stored (same id, same place) are skipped, so
 * a second import of the same export changes nothing, and an interrupted import can simply be run
 * again.
 */
public final class EventImporter {
    private static final String RESTORE_CHECKPOINT = SqlResource.load(EventImporter.class, "restore_checkpoint");

    private final DataSource pool;

    public EventImporter(DataSource pool) {
        this.pool = pool;
    }

    /**
     * What an import did.
     *
     * @param imported events stored
     * @param alreadyPresent events skipped because the database held them already
     * @param checkpoints subscriptions given the source's checkpoint (those the database had no checkpoint for)
     */
    public record Result(int segments, long imported, long alreadyPresent, int checkpoints) {}

    public Result importFrom(Path dir, Progress progress) {
        ExportManifest manifest = ExportManifest.read(dir);
        Map<StreamKey, StreamRange> streams = ExportVerification.verify(dir, manifest);
        try {
            checkContinuity(streams);
            var importer = new ImportRun(pool, progress, manifest.events());
            for (Segment segment : manifest.segments()) {
                try (BufferedReader lines = ExportVerification.open(dir.resolve(segment.file()))) {
                    String line;
                    long number = 0;
                    while ((line = lines.readLine()) != null) {
                        number++;
                        importer.add(ExportedEvent.parse(line, segment.file() + " line " + number));
                    }
                }
            }
            importer.finish();
            return new Result(
                    manifest.segments().size(),
                    importer.imported,
                    importer.alreadyPresent,
                    restoreCheckpoints(manifest.checkpoints()));
        } catch (IOException e) {
            throw new BackupException("reading " + dir + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException("storing events failed: " + e.getMessage(), e);
        }
    }

    // A subscription the database does not know yet starts where the source's stood; a known one is left alone.
    private int restoreCheckpoints(List<ExportManifest.Checkpoint> checkpoints) throws SQLException {
        int restored = 0;
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(RESTORE_CHECKPOINT)) {
            for (ExportManifest.Checkpoint checkpoint : checkpoints) {
                s.setString(1, checkpoint.subscription());
                s.setObject(2, checkpoint.eventId());
                restored += s.executeUpdate();
            }
        }
        return restored;
    }

    // A stream the export starts in the middle (an incremental export) needs its earlier events in the database.
    private void checkContinuity(Map<StreamKey, StreamRange> streams) throws SQLException {
        var ranges = new ArrayList<>(streams.values());
        for (int from = 0; from < ranges.size(); from += 5_000) {
            List<StreamRange> chunk = ranges.subList(from, Math.min(ranges.size(), from + 5_000));
            Map<StreamKey, Long> versions;
            try (Connection c = pool.getConnection()) {
                versions = ImportRun.versions(
                        c, chunk.stream().map(StreamRange::stream).toList());
            }
            for (StreamRange range : chunk) {
                long version = versions.getOrDefault(range.stream(), 0L);
                if (version < range.first() - 1) {
                    throw new BackupException("the export starts stream " + range.stream() + " at #" + range.first()
                            + " (" + range.where() + ") but the database has it only up to #" + version
                            + ": import the export that holds its earlier events first; nothing was imported");
                }
            }
        }
    }
}

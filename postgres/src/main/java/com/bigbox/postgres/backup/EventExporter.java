package com.bigbox.postgres.backup;

import com.bigbox.core.Position;
import com.bigbox.postgres.backup.ExportManifest.Filter;
import com.bigbox.postgres.backup.ExportManifest.Segment;
import com.bigbox.postgres.backup.ExportManifest.SourcePosition;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Writes the event log to a directory as gzip-compressed JSON Lines segments, one event per line in
 * commit order, and a {@link ExportManifest}. An export takes everything committed when it starts;
 * run again on the same directory it resumes after the last complete segment, so an interrupted
 * export loses nothing and a repeated one writes only what is new.
 *
 * <p>Each line is built by PostgreSQL itself, so {@code payload} and {@code metadata} are written
 * exactly as stored (numbers keep their digits) and an import reads them back unchanged.
 */
public final class EventExporter {
    public static final int DEFAULT_SEGMENT_EVENTS = 100_000;
    private static final String LOCK_FILE = ".export.lock";

    private final ExportQueries queries;
    private final String sourceName;
    private final Clock clock;

    /** @param sourceName how the manifest names the database exported (no password) */
    public EventExporter(DataSource pool, String sourceName, Clock clock) {
        this.queries = new ExportQueries(pool);
        this.sourceName = sourceName;
        this.clock = clock;
    }

    /**
     * What to export.
     *
     * @param since only events whose {@code timestamp} is at or after it; null for no bound
     * @param afterGlobalPosition only events after the one with this {@code global_position}; null for no bound
     * @param segmentEvents at most this many events per segment file
     */
    public record Request(Instant since, Long afterGlobalPosition, int segmentEvents) {
        public Request {
            if (since != null && afterGlobalPosition != null) {
                throw new IllegalArgumentException("give --since or --after, not both");
            }
            if (afterGlobalPosition != null && afterGlobalPosition < 0) {
                throw new IllegalArgumentException("--after must not be negative, was " + afterGlobalPosition);
            }
            if (segmentEvents < 1) {
                throw new IllegalArgumentException("a segment holds at least 1 event, was " + segmentEvents);
            }
        }

        public static Request all() {
            return new Request(null, null, DEFAULT_SEGMENT_EVENTS);
        }
    }

    /**
     * What one run wrote.
     *
     * @param resumed whether the directory already held an export this run continued
     */
    public record Result(long events, List<Segment> segments, boolean resumed, ExportManifest manifest) {}

    public Result export(Path dir, Request request, Progress progress) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BackupException("cannot create export directory " + dir + ": " + e.getMessage(), e);
        }
        try (FileChannel lockChannel =
                FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(lockChannel, dir);
            try {
                return exportLocked(dir, request, progress);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new BackupException("export to " + dir + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException("reading events for the export failed: " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new BackupException("another export is writing to " + dir + " right now");
        }
        return lock;
    }

    private Result exportLocked(Path dir, Request request, Progress progress) throws IOException, SQLException {
        removePartials(dir);
        boolean resumed = ExportManifest.exists(dir);
        Filter filter = new Filter(
                request.since(),
                request.afterGlobalPosition() == null ? null : queries.sourcePosition(request.afterGlobalPosition()));
        ExportManifest manifest = resumed ? resumable(dir, filter) : started(dir, filter);
        Position after = manifest.lastPosition() != null
                ? position(manifest.lastPosition())
                : filter.after() != null ? position(filter.after()) : Position.START;
        Position end = queries.head();
        if (!end.isAfter(after)) {
            progress.advanced(0, 0);
            return new Result(0, List.of(), resumed, withCheckpoints(dir, manifest));
        }
        long total = queries.count(after, end, request.since());
        progress.advanced(0, total);
        var written = new ArrayList<Segment>();
        long done = 0;
        while (true) {
            ExportSegmentWriter segment =
                    new ExportSegmentWriter(dir, manifest.segments().size() + 1);
            try {
                after = queries.fill(segment, after, end, request, done, total, progress);
            } catch (IOException | SQLException | RuntimeException e) {
                segment.abandon();
                throw e;
            }
            if (segment.events() == 0) {
                segment.abandon();
                break;
            }
            Segment complete = segment.complete(clock.instant());
            manifest = manifest.with(complete, clock.instant());
            manifest.write(dir);
            written.add(complete);
            done += complete.events();
            if (complete.events() < request.segmentEvents()) {
                break;
            }
        }
        return new Result(done, written, resumed, withCheckpoints(dir, manifest));
    }

    // An earlier export here continues only with the same options.
    private static ExportManifest resumable(Path dir, Filter filter) throws IOException {
        ExportManifest manifest = ExportManifest.read(dir);
        if (!manifest.filter().equals(filter)) {
            throw new BackupException(dir + " holds an export with " + describe(manifest.filter()) + ", not "
                    + describe(filter) + ": resume it with the same options, or export to a new directory");
        }
        return manifest;
    }

    private ExportManifest started(Path dir, Filter filter) throws IOException {
        refuseForeignFiles(dir);
        ExportManifest manifest = ExportManifest.empty(sourceName, filter, clock.instant());
        manifest.write(dir);
        return manifest;
    }

    // Where each subscription stood, as the last exported event it had handled (read after the events, so
    // a subscription is never placed past what it handled).
    private ExportManifest withCheckpoints(Path dir, ExportManifest manifest) throws IOException, SQLException {
        if (manifest.lastPosition() == null) {
            return manifest;
        }
        List<ExportManifest.Checkpoint> checkpoints = queries.checkpoints(manifest);
        if (checkpoints.equals(manifest.checkpoints())) {
            return manifest;
        }
        ExportManifest updated = manifest.with(checkpoints, clock.instant());
        updated.write(dir);
        return updated;
    }

    private static Position position(SourcePosition position) {
        return new Position(position.transactionSeq(), position.globalPosition());
    }

    private static String describe(Filter filter) {
        if (filter.since() != null) {
            return "--since " + filter.since();
        }
        if (filter.after() != null) {
            return "--after " + filter.after().globalPosition();
        }
        return "no --since/--after";
    }

    private static void removePartials(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(ExportSegmentWriter.PARTIAL))
                    .toList()) {
                Files.delete(file);
            }
        }
    }

    private static void refuseForeignFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> foreign = files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals(LOCK_FILE))
                    .sorted()
                    .toList();
            if (!foreign.isEmpty()) {
                throw new BackupException(dir + " is not empty and holds no " + ExportManifest.FILE + " (found "
                        + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                        + "): export to an empty directory or to an earlier export's");
            }
        }
    }
}

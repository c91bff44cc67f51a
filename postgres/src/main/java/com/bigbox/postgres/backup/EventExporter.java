package com.bigbox.postgres.backup;

import com.bigbox.core.Position;
import com.bigbox.postgres.backup.ExportManifest.Filter;
import com.bigbox.postgres.backup.ExportManifest.Segment;
import com.bigbox.postgres.backup.ExportManifest.SourcePosition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
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
    private static final int BATCH = 2_000;
    private static final String LOCK_FILE = ".export.lock";

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

    private static final String HEAD = "select transaction_seq, global_position from events_head() where transaction_seq is not null";

    private static final String POSITION_OF = "select transaction_seq, global_position from events where global_position = ?";

    private final DataSource pool;
    private final String sourceName;
    private final Clock clock;

    /** @param sourceName how the manifest names the database exported (no password) */
    public EventExporter(DataSource pool, String sourceName, Clock clock) {
        this.pool = pool;
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
        try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
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
        ExportManifest manifest;
        Filter filter;
        try (Connection c = pool.getConnection()) {
            filter = new Filter(request.since(), request.afterGlobalPosition() == null ? null
                    : sourcePosition(c, request.afterGlobalPosition()));
            if (resumed) {
                manifest = ExportManifest.read(dir);
                if (!manifest.filter().equals(filter)) {
                    throw new BackupException(dir + " holds an export with " + describe(manifest.filter()) + ", not "
                            + describe(filter) + ": resume it with the same options, or export to a new directory");
                }
            } else {
                refuseForeignFiles(dir);
                manifest = ExportManifest.empty(sourceName, filter, clock.instant());
                manifest.write(dir);
            }
        }
        Position after = manifest.lastPosition() != null ? position(manifest.lastPosition())
                : filter.after() != null ? position(filter.after()) : Position.START;
        Position end = head();
        if (!end.isAfter(after)) {
            progress.advanced(0, 0);
            return new Result(0, List.of(), resumed, manifest);
        }
        long total = count(after, end, request.since());
        progress.advanced(0, total);
        var written = new ArrayList<Segment>();
        long done = 0;
        while (true) {
            SegmentWriter segment = new SegmentWriter(dir, manifest.segments().size() + 1);
            try {
                after = fill(segment, after, end, request, done, total, progress);
            } catch (IOException | SQLException | RuntimeException e) {
                segment.abandon();
                throw e;
            }
            if (segment.events == 0) {
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
        return new Result(done, written, resumed, manifest);
    }

    private Position fill(SegmentWriter segment, Position after, Position end, Request request, long doneBefore, long total,
            Progress progress) throws IOException, SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (var s = c.createStatement()) {
                    s.execute("set local time zone 'UTC'");
                }
                try (PreparedStatement s = c.prepareStatement(LINES)) {
                    while (segment.events < request.segmentEvents()) {
                        int limit = (int) Math.min(BATCH, request.segmentEvents() - segment.events);
                        bindRange(s, after, end, request.since());
                        s.setInt(6, limit);
                        int read = 0;
                        try (var rs = s.executeQuery()) {
                            while (rs.next()) {
                                after = new Position(rs.getLong(2), rs.getLong(3));
                                segment.write(rs.getString(1), sourcePosition(after), rs.getTimestamp(4).toInstant());
                                read++;
                            }
                        }
                        progress.advanced(doneBefore + segment.events, total);
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

    private long count(Position after, Position end, Instant since) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(COUNT)) {
            bindRange(s, after, end, since);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bindRange(PreparedStatement s, Position after, Position end, Instant since) throws SQLException {
        s.setLong(1, after.transactionSeq());
        s.setLong(2, after.globalPosition());
        s.setLong(3, end.transactionSeq());
        s.setLong(4, end.globalPosition());
        s.setTimestamp(5, since == null ? null : Timestamp.from(since));
    }

    // Everything at or below the head is settled: no open writer can still commit an event before it.
    private Position head() throws SQLException {
        try (Connection c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(HEAD)) {
            return rs.next() ? new Position(rs.getLong(1), rs.getLong(2)) : Position.START;
        }
    }

    private static SourcePosition sourcePosition(Connection c, long globalPosition) throws SQLException {
        if (globalPosition == 0) {
            return new SourcePosition(0, 0);
        }
        try (PreparedStatement s = c.prepareStatement(POSITION_OF)) {
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
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SegmentWriter.PARTIAL)).toList()) {
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

    /** One segment file being written: gzip over a SHA-256 of the compressed bytes, renamed when complete. */
    private static final class SegmentWriter {
        static final String PARTIAL = ".partial";

        private final Path file;
        private final Path partial;
        private final MessageDigest digest;
        private final CountingOutputStream counted;
        private final BufferedWriter out;
        private long events;
        private SourcePosition first;
        private SourcePosition last;
        private Instant firstTimestamp;
        private Instant lastTimestamp;

        SegmentWriter(Path dir, int number) throws IOException {
            this.file = dir.resolve(String.format(Locale.ROOT, "events-%06d.jsonl.gz", number));
            this.partial = dir.resolve(file.getFileName() + PARTIAL);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
            this.counted = new CountingOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW));
            this.out = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(new DigestOutputStream(counted, digest), 64 * 1024), StandardCharsets.UTF_8));
        }

        void write(String line, SourcePosition position, Instant timestamp) throws IOException {
            out.write(line);
            out.write('\n');
            events++;
            if (first == null) {
                first = position;
                firstTimestamp = timestamp;
            }
            last = position;
            lastTimestamp = timestamp;
        }

        Segment complete(Instant now) throws IOException {
            out.close();
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Segment(file.getFileName().toString(), events, first, last, firstTimestamp, lastTimestamp,
                    counted.count, HexFormat.of().formatHex(digest.digest()), now);
        }

        void abandon() throws IOException {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

package com.bigbox.postgres.backup;

import com.bigbox.postgres.backup.ExportManifest.Segment;
import com.bigbox.postgres.backup.ExportedEvent.StreamKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
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
    private static final int BATCH = 1_000;

    private static final String EXISTING = """
            select event_id, event_type, aggregate_type, aggregate_id, sequence_number
              from events where event_id = any(?::uuid[])""";

    private static final String VERSIONS = """
            select s.aggregate_type, s.aggregate_id, s.version
              from event_streams s
              join unnest(?::text[], ?::text[]) as wanted(aggregate_type, aggregate_id) using (aggregate_type, aggregate_id)""";

    private static final String INSERT = """
            insert into events (event_id, event_type, correlation_id, causation_id, aggregate_type, aggregate_id,
                                sequence_number, payload, metadata, emitted_by, confidence, "timestamp", created_at)
            select (l->>'event_id')::uuid, l->>'event_type', (l->>'correlation_id')::uuid, (l->>'causation_id')::uuid,
                   l->>'aggregate_type', l->>'aggregate_id', (l->>'sequence_number')::bigint,
                   coalesce(l->'payload', '{}'::jsonb), coalesce(l->'metadata', '{}'::jsonb),
                   coalesce(l->>'emitted_by', 'import'), (l->>'confidence')::numeric,
                   (l->>'timestamp')::timestamptz, coalesce((l->>'created_at')::timestamptz, now())
              from unnest(?::text[]) with ordinality as t(line, n)
              cross join lateral (select t.line::jsonb) as j(l)
             order by t.n""";

    private final DataSource pool;

    public EventImporter(DataSource pool) {
        this.pool = pool;
    }

    /**
     * What an import did.
     *
     * @param imported events stored
     * @param alreadyPresent events skipped because the database held them already
     */
    public record Result(int segments, long imported, long alreadyPresent) {}

    public Result importFrom(Path dir, Progress progress) {
        ExportManifest manifest = ExportManifest.read(dir);
        Map<StreamKey, StreamRange> streams = verify(dir, manifest);
        try {
            checkContinuity(streams);
            var importer = new Run(progress, manifest.events());
            for (Segment segment : manifest.segments()) {
                try (BufferedReader lines = open(dir.resolve(segment.file()))) {
                    String line;
                    long number = 0;
                    while ((line = lines.readLine()) != null) {
                        number++;
                        importer.add(ExportedEvent.parse(line, segment.file() + " line " + number));
                    }
                }
            }
            importer.finish();
            return new Result(manifest.segments().size(), importer.imported, importer.alreadyPresent);
        } catch (IOException e) {
            throw new BackupException("reading " + dir + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException("storing events failed: " + e.getMessage(), e);
        }
    }

    /** Where a stream's events in the export start and end; they must be numbered without a gap. */
    private record StreamRange(StreamKey stream, long first, long last, long count, String where) {
        StreamRange plus(ExportedEvent e) {
            return new StreamRange(stream, Math.min(first, e.sequenceNumber()), Math.max(last, e.sequenceNumber()), count + 1, where);
        }
    }

    // Reads every segment once, before anything is written: checksum, size, count, and each line's shape.
    private static Map<StreamKey, StreamRange> verify(Path dir, ExportManifest manifest) {
        var streams = new HashMap<StreamKey, StreamRange>();
        long total = 0;
        for (Segment segment : manifest.segments()) {
            Path file = dir.resolve(segment.file());
            if (!file.normalize().startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                throw new BackupException(segment.file() + " is listed in the manifest but missing from " + dir + "; nothing was imported");
            }
            // The checksum first, over the bytes as stored: a damaged file is named as such, before any parsing.
            try {
                long size = Files.size(file);
                if (size != segment.bytes()) {
                    throw new BackupException(segment.file() + " has " + size + " bytes, the manifest says " + segment.bytes()
                            + ": the file is damaged or was changed; nothing was imported");
                }
                MessageDigest digest = sha256();
                try (InputStream raw = new DigestInputStream(Files.newInputStream(file), digest)) {
                    raw.transferTo(java.io.OutputStream.nullOutputStream());
                }
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equalsIgnoreCase(segment.sha256())) {
                    throw new BackupException(segment.file() + " has SHA-256 " + actual + ", the manifest says " + segment.sha256()
                            + ": the file is damaged or was changed; nothing was imported");
                }
            } catch (IOException e) {
                throw new BackupException(segment.file() + " cannot be read (" + e.getMessage() + "); nothing was imported", e);
            }
            long lines = 0;
            try (BufferedReader reader = open(file)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    ExportedEvent e = ExportedEvent.parse(line, segment.file() + " line " + lines);
                    streams.merge(e.streamKey(), new StreamRange(e.streamKey(), e.sequenceNumber(), e.sequenceNumber(), 1, e.where()),
                            (range, one) -> range.plus(e));
                }
            } catch (IOException e) {
                throw new BackupException(segment.file() + " cannot be read as gzip JSON Lines (" + e.getMessage()
                        + "); nothing was imported", e);
            } catch (BackupException e) {
                throw new BackupException(e.getMessage() + "; nothing was imported", e);
            }
            if (lines != segment.events()) {
                throw new BackupException(segment.file() + " holds " + lines + " events, the manifest says " + segment.events()
                        + "; nothing was imported");
            }
            total += lines;
        }
        if (total != manifest.events()) {
            throw new BackupException(ExportManifest.FILE + " counts " + manifest.events() + " events but its segments hold "
                    + total + "; nothing was imported");
        }
        for (StreamRange range : streams.values()) {
            if (range.count() != range.last() - range.first() + 1) {
                throw new BackupException("the export numbers stream " + range.stream() + " from #" + range.first() + " to #"
                        + range.last() + " with " + range.count() + " events: a gap or a repeat; nothing was imported");
            }
        }
        return streams;
    }

    // A stream the export starts in the middle (an incremental export) needs its earlier events in the database.
    private void checkContinuity(Map<StreamKey, StreamRange> streams) throws SQLException {
        var ranges = new ArrayList<>(streams.values());
        for (int from = 0; from < ranges.size(); from += 5_000) {
            List<StreamRange> chunk = ranges.subList(from, Math.min(ranges.size(), from + 5_000));
            Map<StreamKey, Long> versions;
            try (Connection c = pool.getConnection()) {
                versions = versions(c, chunk.stream().map(StreamRange::stream).toList());
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

    private static Map<StreamKey, Long> versions(Connection c, List<StreamKey> streams) throws SQLException {
        var types = new String[streams.size()];
        var ids = new String[streams.size()];
        for (int i = 0; i < streams.size(); i++) {
            types[i] = streams.get(i).type();
            ids[i] = streams.get(i).id();
        }
        var versions = new HashMap<StreamKey, Long>();
        try (PreparedStatement s = c.prepareStatement(VERSIONS)) {
            s.setArray(1, c.createArrayOf("text", types));
            s.setArray(2, c.createArrayOf("text", ids));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.put(new StreamKey(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return versions;
    }

    private static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 64 * 1024),
                StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * One import: batches at the source's transaction boundaries, so that what one transaction wrote
     * is stored together; an event whose predecessor in its stream comes later in the export (a writer
     * can number a stream in a different order than it commits) waits for it.
     */
    private final class Run {
        private final Progress progress;
        private final long total;
        private final List<ExportedEvent> batch = new ArrayList<>();
        private final List<ExportedEvent> waiting = new ArrayList<>();
        private long done;
        long imported;
        long alreadyPresent;

        Run(Progress progress, long total) {
            this.progress = progress;
            this.total = total;
            progress.advanced(0, total);
        }

        void add(ExportedEvent event) throws SQLException {
            if (batch.size() >= BATCH && batch.getLast().sourceTransaction() != event.sourceTransaction()) {
                flush();
            }
            batch.add(event);
        }

        void finish() throws SQLException {
            flush();
            if (!waiting.isEmpty()) {
                ExportedEvent first = waiting.getFirst();
                throw new BackupException(first.where() + ": stream " + first.stream() + " #" + first.sequenceNumber()
                        + " never found its predecessor; " + imported + " events were imported before this");
            }
        }

        private void flush() throws SQLException {
            if (batch.isEmpty() && waiting.isEmpty()) {
                return;
            }
            var candidates = new ArrayList<ExportedEvent>(waiting.size() + batch.size());
            candidates.addAll(waiting);
            candidates.addAll(batch);
            int fresh = batch.size();
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    try (var s = c.createStatement()) {
                        // One import at a time: two would race for the same sequence numbers.
                        s.execute("select pg_advisory_xact_lock(hashtext('bigbox.import'))");
                    }
                    List<ExportedEvent> missing = withoutStored(c, candidates);
                    var ordered = new ArrayList<ExportedEvent>(missing.size());
                    var stillWaiting = order(c, missing, ordered);
                    if (!ordered.isEmpty()) {
                        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                            insert.setArray(1, c.createArrayOf("text", ordered.stream().map(ExportedEvent::line).toArray()));
                            insert.executeUpdate();
                        }
                    }
                    c.commit();
                    imported += ordered.size();
                    waiting.clear();
                    waiting.addAll(stillWaiting);
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                if (imported > 0) {
                    try (var s = c.createStatement()) {
                        s.execute("notify bigbox_events");
                    }
                }
            }
            done += fresh;
            batch.clear();
            progress.advanced(done, total);
        }

        // Drops the events the database holds already; one stored differently is a conflict.
        private List<ExportedEvent> withoutStored(Connection c, List<ExportedEvent> events) throws SQLException {
            var stored = new HashMap<UUID, String>();
            try (PreparedStatement s = c.prepareStatement(EXISTING)) {
                s.setArray(1, c.createArrayOf("uuid", events.stream().map(ExportedEvent::eventId).toArray()));
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getObject(1, UUID.class), rs.getString(2) + " " + rs.getString(3) + "/" + rs.getString(4)
                                + " #" + rs.getLong(5));
                    }
                }
            }
            var missing = new ArrayList<ExportedEvent>(events.size());
            for (ExportedEvent e : events) {
                String existing = stored.get(e.eventId());
                if (existing == null) {
                    missing.add(e);
                    continue;
                }
                String exported = e.type() + " " + e.stream() + " #" + e.sequenceNumber();
                if (!existing.equals(exported)) {
                    throw new BackupException(e.where() + ": event " + e.eventId() + " is stored as " + existing
                            + " but the export has it as " + exported);
                }
                alreadyPresent++;
            }
            return missing;
        }

        /** Appends to {@code out} the events that can be numbered now, in export order; returns those that wait. */
        private List<ExportedEvent> order(Connection c, List<ExportedEvent> events, List<ExportedEvent> out) throws SQLException {
            Map<StreamKey, Long> next = new HashMap<>();
            versions(c, events.stream().map(ExportedEvent::streamKey).distinct().toList())
                    .forEach((stream, version) -> next.put(stream, version + 1));
            Map<StreamKey, TreeMap<Long, ExportedEvent>> held = new HashMap<>();
            for (ExportedEvent e : events) {
                long expected = next.getOrDefault(e.streamKey(), 1L);
                if (e.sequenceNumber() < expected) {
                    throw new BackupException(e.where() + ": stream " + e.stream() + " already has a different event #"
                            + e.sequenceNumber() + " in this database: import into a database that holds only this export's past");
                }
                if (e.sequenceNumber() > expected) {
                    held.computeIfAbsent(e.streamKey(), s -> new TreeMap<>()).put(e.sequenceNumber(), e);
                    continue;
                }
                var chain = new ArrayDeque<ExportedEvent>();
                chain.add(e);
                while (!chain.isEmpty()) {
                    ExportedEvent ready = chain.poll();
                    out.add(ready);
                    long following = ready.sequenceNumber() + 1;
                    next.put(ready.streamKey(), following);
                    TreeMap<Long, ExportedEvent> stream = held.get(ready.streamKey());
                    if (stream != null && stream.containsKey(following)) {
                        chain.add(stream.remove(following));
                    }
                }
            }
            var stillHeld = new ArrayList<ExportedEvent>();
            for (ExportedEvent e : events) {
                TreeMap<Long, ExportedEvent> stream = held.get(e.streamKey());
                if (stream != null && stream.get(e.sequenceNumber()) == e) {
                    stillHeld.add(e);
                }
            }
            return stillHeld;
        }
    }
}

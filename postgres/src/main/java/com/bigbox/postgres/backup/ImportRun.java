package com.bigbox.postgres.backup;

import com.bigbox.postgres.SqlResource;
import com.bigbox.postgres.backup.ExportedEvent.StreamKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One import: batches at the source's transaction boundaries, so that what one transaction wrote
 * is stored together; an event whose predecessor in its stream comes later in the export (a writer
 * can number a stream in a different order than it commits) waits for it.
 */
final class ImportRun {
    private static final int BATCH = 1_000;

    private static final String EXISTING = SqlResource.load(ImportRun.class, "stored_events");
    private static final String VERSIONS = SqlResource.load(ImportRun.class, "stream_versions");
    private static final String INSERT = SqlResource.load(ImportRun.class, "import_events");
    private static final String LOCK = SqlResource.load(ImportRun.class, "import_lock");
    private static final String NOTIFY = SqlResource.load(ImportRun.class, "notify_events");

    private final DataSource pool;
    private final Progress progress;
    private final long total;
    private final List<ExportedEvent> batch = new ArrayList<>();
    private final List<ExportedEvent> waiting = new ArrayList<>();
    private long done;
    long imported;
    long alreadyPresent;

    ImportRun(DataSource pool, Progress progress, long total) {
        this.pool = pool;
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
                    s.execute(LOCK);
                }
                List<ExportedEvent> missing = withoutStored(c, candidates);
                var ordered = new ArrayList<ExportedEvent>(missing.size());
                var stillWaiting = order(c, missing, ordered);
                if (!ordered.isEmpty()) {
                    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                        insert.setArray(
                                1,
                                c.createArrayOf(
                                        "text",
                                        ordered.stream()
                                                .map(ExportedEvent::line)
                                                .toArray()));
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
                    s.execute(NOTIFY);
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
            s.setArray(
                    1,
                    c.createArrayOf(
                            "uuid", events.stream().map(ExportedEvent::eventId).toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(
                            rs.getObject(1, UUID.class),
                            rs.getString(2) + " " + rs.getString(3) + "/" + rs.getString(4) + " #" + rs.getLong(5));
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
    private List<ExportedEvent> order(Connection c, List<ExportedEvent> events, List<ExportedEvent> out)
            throws SQLException {
        Map<StreamKey, Long> next = new HashMap<>();
        versions(c, events.stream().map(ExportedEvent::streamKey).distinct().toList())
                .forEach((stream, version) -> next.put(stream, version + 1));
        Map<StreamKey, TreeMap<Long, ExportedEvent>> held = new HashMap<>();
        for (ExportedEvent e : events) {
            long expected = next.getOrDefault(e.streamKey(), 1L);
            if (e.sequenceNumber() < expected) {
                throw new BackupException(
                        e.where() + ": stream " + e.stream() + " already has a different event #" + e.sequenceNumber()
                                + " in this database: import into a database that holds only this export's past");
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

    static Map<StreamKey, Long> versions(Connection c, List<StreamKey> streams) throws SQLException {
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
}

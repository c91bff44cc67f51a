package com.bigbox.postgres.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgEventStore;
import com.bigbox.testkit.TestDatabase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Export writes the log as checksummed segments; import restores it exactly, once. */
class ExportImportIT {
    @RegisterExtension
    static final TestDatabase source = new TestDatabase();

    @RegisterExtension
    static final TestDatabase target = new TestDatabase();

    @RegisterExtension
    static final TestDatabase other = new TestDatabase();

    static Database sourceDb;
    static Database targetDb;
    static Database otherDb;
    static PgEventStore store;

    @TempDir
    Path tmp;

    // Everything an import must keep, in a form two databases can be compared by (not positions).
    static final String ROWS = """
            select event_id, event_type, aggregate_type, aggregate_id, sequence_number, payload::text, metadata::text,
                   correlation_id, causation_id, emitted_by, confidence, "timestamp", created_at
              from events order by aggregate_type, aggregate_id, sequence_number""";

    @BeforeAll
    static void open() {
        sourceDb = migrated(source, "export-source");
        targetDb = migrated(target, "export-target");
        otherDb = migrated(other, "export-other");
        store = new PgEventStore(sourceDb.pool(), () -> {});
    }

    @AfterAll
    static void close() {
        sourceDb.close();
        targetDb.close();
        otherDb.close();
    }

    static Database migrated(TestDatabase db, String name) {
        var database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 8, name);
        Migrations.apply(database.pool());
        return database;
    }

    static EventExporter exporter() {
        return new EventExporter(sourceDb.pool(), "test source", Clock.systemUTC());
    }

    static List<List<Object>> rows(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            var rows = new ArrayList<List<Object>>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<Object>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static long count(TestDatabase db) throws SQLException {
        return (Long) rows(db, "select count(*) from events").getFirst().getFirst();
    }

    static void reset(TestDatabase db) throws SQLException {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("alter table events disable trigger user");
            s.execute("delete from events");
            s.execute("alter table events enable trigger user");
            s.execute("delete from event_streams");
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    static void appendVaried(String prefix, int streams, int perStream) {
        for (int s = 0; s < streams; s++) {
            var stream = StreamId.of(s % 2 == 0 ? "LEAD" : "CLIENT", prefix + "-" + s);
            UUID correlation = UUID.randomUUID();
            UUID cause = null;
            for (int i = 0; i < perStream; i++) {
                var event = NewEvent.of("THING_HAPPENED", """
                                {"amount": 1.10, "big": 12345678901234567890, "exp": 1e3, "name": "Zoë \\"quoted\\" ✓",
                                 "nested": {"list": [1, 2.50, null, true]}, "i": %d}""".formatted(i))
                        .withMetadata("{\"tags\": [\"a\", \"b\"], \"version\": 2}")
                        .correlatedWith(correlation)
                        .causedBy(cause)
                        .emittedBy("IntakeAgent")
                        .withConfidence(0.95)
                        .at(Instant.parse("2026-01-0" + (1 + i % 9) + "T09:30:00.123456Z"));
                store.append(stream, event);
                cause = event.eventId();
            }
        }
    }

    @Test
    void subscriptionsOfARestoredDatabaseGoOnWhereTheSourcesStoodAndAKnownOneIsLeftAlone() throws Exception {
        reset(source);
        reset(target);
        appendVaried("checkpoint", 2, 5);
        List<List<Object>> order = rows(
                source,
                "select event_id, transaction_seq, global_position from events "
                        + "order by transaction_seq, global_position");
        List<Object> fourth = order.get(3);
        try (Connection c = source.connect();
                var s = c.createStatement()) {
            s.execute("delete from subscription_checkpoints");
            s.execute(
                    "insert into subscription_checkpoints (subscription_name, transaction_seq, global_position, owner) values "
                            + "('agent:behind', " + fourth.get(1) + ", " + fourth.get(2) + ", 'a'), "
                            + "('agent:ahead', 999999999, 999999999, 'a'), ('agent:known', 0, 0, 'a'), ('agent:nothing-yet', 0, 0, 'a')");
        }
        try (Connection c = target.connect();
                var s = c.createStatement()) {
            s.execute("delete from subscription_checkpoints");
            s.execute(
                    "insert into subscription_checkpoints (subscription_name, owner) values ('agent:known', 'target')");
        }
        Path dir = tmp.resolve("checkpoints");
        exporter().export(dir, new EventExporter.Request(null, null, 100), Progress.NONE);
        assertThat(ExportManifest.read(dir).checkpoints())
                .extracting(ExportManifest.Checkpoint::subscription, ExportManifest.Checkpoint::eventId)
                .as("each at the last exported event it had handled; one that handled none is not listed")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "agent:ahead", order.getLast().getFirst()),
                        org.assertj.core.groups.Tuple.tuple("agent:behind", fourth.getFirst()));

        EventImporter.Result imported = new EventImporter(targetDb.pool()).importFrom(dir, Progress.NONE);
        assertThat(imported.checkpoints()).isEqualTo(2);
        assertThat(rows(target, """
                select c.subscription_name, e.event_id, c.owner from subscription_checkpoints c
                  left join events e on (e.transaction_seq, e.global_position) = (c.transaction_seq, c.global_position)
                 order by 1"""))
                .containsExactly(
                        List.of("agent:ahead", order.getLast().getFirst(), "import"),
                        List.of("agent:behind", fourth.getFirst(), "import"),
                        java.util.Arrays.asList("agent:known", null, "target"));
        assertThat(new EventImporter(targetDb.pool())
                        .importFrom(dir, Progress.NONE)
                        .checkpoints())
                .as("a second import moves no checkpoint")
                .isZero();
    }

    @Test
    void anExportRestoresEveryEventExactlyAndASecondImportChangesNothing() throws Exception {
        reset(source);
        reset(target);
        appendVaried("round", 6, 5);
        // Several events in one transaction, and a foreign writer that names nothing but the essentials.
        store.append(
                StreamId.of("PROJECT", "p-1"),
                com.bigbox.core.ExpectedVersion.any(),
                List.of(
                        NewEvent.of("PROJECT_STARTED", "{}"),
                        NewEvent.of("TASK_CREATED", "{\"t\": 1}"),
                        NewEvent.of("TASK_CREATED", "{\"t\": 2}")));
        try (Connection c = source.connect();
                var s = c.createStatement()) {
            s.execute(
                    "insert into events (event_type, aggregate_type, aggregate_id, correlation_id, payload) "
                            + "values ('LEAD_INQUIRY_RECEIVED', 'LEAD', 'psql-1', gen_random_uuid(), '{\"name\": \"Test Client\"}')");
        }
        Path dir = tmp.resolve("full");
        EventExporter.Result exported = exporter().export(dir, new EventExporter.Request(null, null, 7), Progress.NONE);

        assertThat(exported.events()).isEqualTo(34);
        assertThat(exported.segments()).hasSize(5);
        assertThat(exported.segments())
                .extracting(ExportManifest.Segment::events)
                .containsExactly(7L, 7L, 7L, 7L, 6L);
        ExportManifest manifest = ExportManifest.read(dir);
        assertThat(manifest.events()).isEqualTo(34);
        assertThat(manifest.firstPosition())
                .isEqualTo(manifest.segments().getFirst().firstPosition());
        assertThat(manifest.lastPosition())
                .isEqualTo(manifest.segments().getLast().lastPosition());
        for (ExportManifest.Segment segment : manifest.segments()) {
            assertThat(sha256(dir.resolve(segment.file()))).isEqualTo(segment.sha256());
            assertThat(Files.size(dir.resolve(segment.file()))).isEqualTo(segment.bytes());
        }

        var progress = new ArrayList<long[]>();
        EventImporter.Result imported = new EventImporter(targetDb.pool())
                .importFrom(dir, (done, total) -> progress.add(new long[] {done, total}));
        assertThat(imported.imported()).isEqualTo(34);
        assertThat(imported.alreadyPresent()).isZero();
        assertThat(progress.getLast()).containsExactly(34, 34);
        assertThat(rows(target, ROWS)).isEqualTo(rows(source, ROWS));
        assertThat(rows(target, "select * from event_streams order by 1, 2").stream()
                        .map(r -> r.subList(0, 3))
                        .toList())
                .isEqualTo(rows(source, "select * from event_streams order by 1, 2").stream()
                        .map(r -> r.subList(0, 3))
                        .toList());
        assertThat(rows(target, "select event_id from events order by transaction_seq, global_position"))
                .as("the commit order survives")
                .isEqualTo(rows(source, "select event_id from events order by transaction_seq, global_position"));

        var before = rows(target, "select max(global_position), count(*) from events");
        EventImporter.Result again = new EventImporter(targetDb.pool()).importFrom(dir, Progress.NONE);
        assertThat(again.imported()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(34);
        assertThat(rows(target, "select max(global_position), count(*) from events"))
                .isEqualTo(before);
    }

    @Test
    void anExportResumesAfterItsLastCompleteSegmentAndWritesOnlyWhatIsNew() throws Exception {
        reset(source);
        appendVaried("resume", 3, 4);
        Path dir = tmp.resolve("resume");
        assertThat(exporter()
                        .export(dir, new EventExporter.Request(null, null, 5), Progress.NONE)
                        .events())
                .isEqualTo(12);
        // A crash mid-segment leaves a partial file that no manifest lists.
        Files.writeString(dir.resolve("events-000004.jsonl.gz.partial"), "half a segment");
        assertThat(exporter()
                        .export(dir, new EventExporter.Request(null, null, 5), Progress.NONE)
                        .events())
                .as("nothing new")
                .isZero();
        assertThat(dir.resolve("events-000004.jsonl.gz.partial")).doesNotExist();

        appendVaried("resume-more", 2, 3);
        EventExporter.Result more = exporter().export(dir, new EventExporter.Request(null, null, 5), Progress.NONE);
        assertThat(more.resumed()).isTrue();
        assertThat(more.events()).isEqualTo(6);
        assertThat(more.segments())
                .extracting(ExportManifest.Segment::file)
                .containsExactly("events-000004.jsonl.gz", "events-000005.jsonl.gz");
        ExportManifest manifest = ExportManifest.read(dir);
        assertThat(manifest.events()).isEqualTo(18);
        for (int i = 1; i < manifest.segments().size(); i++) {
            var previous = manifest.segments().get(i - 1).lastPosition();
            var first = manifest.segments().get(i).firstPosition();
            assertThat(first.transactionSeq() > previous.transactionSeq()
                            || first.transactionSeq() == previous.transactionSeq()
                                    && first.globalPosition() > previous.globalPosition())
                    .as("segments follow each other without overlap")
                    .isTrue();
        }

        assertThatThrownBy(() -> exporter()
                        .export(
                                dir,
                                new EventExporter.Request(Instant.parse("2026-01-01T00:00:00Z"), null, 5),
                                Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("resume it with the same options");
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> exporter().export(foreign, EventExporter.Request.all(), Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("not empty")
                .hasMessageContaining("notes.txt");
    }

    @Test
    void sinceAndAfterSelectTheTailAndAnIncrementalExportNeedsItsPastInTheTarget() throws Exception {
        reset(source);
        reset(other);
        var stream = StreamId.of("LEAD", "incremental");
        var early = NewEvent.of("EARLY", "{}").at(Instant.parse("2025-06-01T00:00:00Z"));
        store.append(stream, early);
        long afterPosition = store.find(early.eventId()).orElseThrow().globalPosition();
        store.append(stream, NewEvent.of("LATE", "{}").at(Instant.parse("2026-06-01T00:00:00Z")));
        store.append(stream, NewEvent.of("LATER", "{}").at(Instant.parse("2026-07-01T00:00:00Z")));

        Path since = tmp.resolve("since");
        exporter()
                .export(
                        since,
                        new EventExporter.Request(Instant.parse("2026-01-01T00:00:00Z"), null, 100),
                        Progress.NONE);
        Path after = tmp.resolve("after");
        exporter().export(after, new EventExporter.Request(null, afterPosition, 100), Progress.NONE);
        assertThat(ExportManifest.read(since).events()).isEqualTo(2);
        assertThat(ExportManifest.read(after).events()).isEqualTo(2);
        assertThat(ExportManifest.read(after).filter().after().globalPosition()).isEqualTo(afterPosition);

        var importer = new EventImporter(otherDb.pool());
        assertThatThrownBy(() -> importer.importFrom(after, Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("starts stream LEAD/incremental at #2")
                .hasMessageContaining("nothing was imported");
        assertThat(count(other)).isZero();

        Path full = tmp.resolve("full-then-tail");
        exporter().export(full, new EventExporter.Request(null, null, 100), Progress.NONE);
        importer.importFrom(full, Progress.NONE);
        assertThat(importer.importFrom(after, Progress.NONE).alreadyPresent()).isEqualTo(2);
        assertThatThrownBy(() -> exporter()
                        .export(tmp.resolve("nowhere"), new EventExporter.Request(null, 999_999L, 100), Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("no event has that global position");
    }

    @Test
    void aDamagedOrIncompleteExportIsRefusedBeforeAnythingIsWritten() throws Exception {
        reset(source);
        reset(other);
        appendVaried("damage", 2, 5);
        Path dir = tmp.resolve("damaged");
        exporter().export(dir, new EventExporter.Request(null, null, 4), Progress.NONE);
        Path second = dir.resolve("events-000002.jsonl.gz");
        byte[] original = Files.readAllBytes(second);
        try (var file = new RandomAccessFile(second.toFile(), "rw")) {
            file.seek(original.length / 2);
            file.write(original[original.length / 2] ^ 0x5a);
        }
        var importer = new EventImporter(otherDb.pool());
        assertThatThrownBy(() -> importer.importFrom(dir, Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("events-000002.jsonl.gz")
                .hasMessageContaining("nothing was imported");
        assertThat(count(other)).isZero();

        Files.write(second, original);
        Files.delete(dir.resolve("events-000003.jsonl.gz"));
        assertThatThrownBy(() -> importer.importFrom(dir, Progress.NONE))
                .hasMessageContaining("events-000003.jsonl.gz is listed in the manifest but missing");
        assertThat(count(other)).isZero();
        assertThatThrownBy(() -> importer.importFrom(tmp.resolve("empty"), Progress.NONE))
                .hasMessageContaining("holds no export");
    }

    @Test
    void anImportIntoADatabaseThatNumberedAStreamDifferentlyIsAConflict() throws Exception {
        reset(source);
        reset(other);
        store.append(StreamId.of("LEAD", "diverged"), NewEvent.of("IN_SOURCE", "{}"));
        Path dir = tmp.resolve("diverged");
        exporter().export(dir, EventExporter.Request.all(), Progress.NONE);
        new PgEventStore(otherDb.pool(), () -> {})
                .append(StreamId.of("LEAD", "diverged"), NewEvent.of("ONLY_IN_TARGET", "{}"));
        assertThatThrownBy(() -> new EventImporter(otherDb.pool()).importFrom(dir, Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("LEAD/diverged already has a different event #1");
        assertThat(count(other)).isEqualTo(1);
    }

    @Test
    void aWriterThatNumbersAStreamBeforeAnEarlierCommitIsImportedInAValidOrder() throws Exception {
        reset(source);
        reset(other);
        // Writer B takes its place in the commit order first (stream X), then waits for writer A's lock on
        // stream S; A commits S #1 with a later transaction number; B then numbers S #2 with the earlier one.
        try (Connection a = source.connect();
                Connection b = source.connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            insert(b, "X", "B_FIRST");
            insert(a, "S", "A_FIRST");
            var blocked = CompletableFuture.runAsync(() -> {
                try {
                    insert(b, "S", "B_SECOND");
                    b.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            a.commit();
            blocked.get(10, TimeUnit.SECONDS);
        }
        assertThat(rows(
                        source,
                        "select aggregate_id, sequence_number from events order by transaction_seq, global_position"))
                .as("the commit order numbers S #2 before S #1")
                .containsExactly(List.of("X", 1L), List.of("S", 2L), List.of("S", 1L));
        Path dir = tmp.resolve("reordered");
        exporter().export(dir, EventExporter.Request.all(), Progress.NONE);
        assertThat(new EventImporter(otherDb.pool())
                        .importFrom(dir, Progress.NONE)
                        .imported())
                .isEqualTo(3);
        assertThat(rows(other, ROWS)).isEqualTo(rows(source, ROWS));
    }

    static void insert(Connection c, String aggregate, String type) throws SQLException {
        try (var s = c.prepareStatement(
                "insert into events (event_type, aggregate_type, aggregate_id, correlation_id, payload) "
                        + "values (?, 'ORDER', ?, gen_random_uuid(), '{}')")) {
            s.setString(1, type);
            s.setString(2, aggregate);
            s.executeUpdate();
        }
    }

    @Test
    void exportsTakenWhileWritersCommitLateMissNothing() throws Exception {
        reset(source);
        reset(other);
        Path dir = tmp.resolve("live");
        var stop = new AtomicBoolean();
        var written = new AtomicLong();
        var writers = new ArrayList<CompletableFuture<Void>>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    store.inTransaction(work -> {
                        work.append(
                                StreamId.of("ORDER", "w" + writer + "-" + (written.get() % 7)),
                                NewEvent.of("PLACED", "{}"));
                        if (writer == 0) {
                            sleep(30); // a slow writer: others commit after it started, before it ends
                        }
                        return work.append(StreamId.of("LINE", "w" + writer), NewEvent.of("ADDED", "{}"));
                    });
                    written.addAndGet(2);
                }
            }));
        }
        long rounds = 0;
        while (written.get() < 600) {
            exporter().export(dir, new EventExporter.Request(null, null, 50), Progress.NONE);
            rounds++;
        }
        stop.set(true);
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        exporter().export(dir, new EventExporter.Request(null, null, 50), Progress.NONE);
        assertThat(rounds).isGreaterThan(1);
        assertThat(ExportManifest.read(dir).events()).isEqualTo(count(source));
        new EventImporter(otherDb.pool()).importFrom(dir, Progress.NONE);
        assertThat(rows(other, ROWS)).isEqualTo(rows(source, ROWS));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void twoInstancesExportingContinuouslyIntoOneDirectoryTakeTurnsAndWriteEachEventOnce() throws Exception {
        reset(source);
        Path dir = tmp.resolve("continuous");
        var secondPool = new Database(DatabaseUrl.parse(source.jdbcUrl()), 4, "export-second");
        try (var a = new ContinuousExport(
                                sourceDb,
                                exporter(),
                                dir,
                                java.time.Duration.ofMillis(50),
                                20,
                                "a",
                                new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
                        .start();
                var b = new ContinuousExport(
                                secondPool,
                                new EventExporter(secondPool.pool(), "b", Clock.systemUTC()),
                                dir,
                                java.time.Duration.ofMillis(50),
                                20,
                                "b",
                                new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
                        .start()) {
            for (int i = 0; i < 10; i++) {
                appendVaried("continuous-" + i, 3, 4);
                Thread.sleep(40);
            }
            org.awaitility.Awaitility.await()
                    .atMost(20, TimeUnit.SECONDS)
                    .until(() -> ExportManifest.exists(dir)
                            && ExportManifest.read(dir).events() == 120);
            assertThat(a.status().lastError()).isNull();
            assertThat(b.status().lastError()).isNull();
        } finally {
            secondPool.close();
        }
        ExportManifest manifest = ExportManifest.read(dir);
        assertThat(manifest.segments().size()).isGreaterThan(1);
        assertThat(manifest.segments().stream()
                        .mapToLong(ExportManifest.Segment::events)
                        .sum())
                .isEqualTo(120);
        var ids = new java.util.HashSet<String>();
        for (ExportManifest.Segment segment : manifest.segments()) {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(dir.resolve(segment.file())))) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    assertThat(ids.add(ExportedEvent.parse(line, segment.file())
                                    .eventId()
                                    .toString()))
                            .isTrue();
                }
            }
        }
        assertThat(ids).hasSize(120);
    }

    @Test
    void progressIsReportedAsEventsAreWritten() throws IOException, SQLException {
        reset(source);
        appendVaried("progress", 5, 10);
        var seen = new ArrayList<long[]>();
        exporter()
                .export(
                        tmp.resolve("progress"),
                        new EventExporter.Request(null, null, 10),
                        (done, total) -> seen.add(new long[] {done, total}));
        assertThat(seen.getFirst()).containsExactly(0, 50);
        assertThat(seen.getLast()).containsExactly(50, 50);
        assertThat(seen.size()).isGreaterThanOrEqualTo(5);
    }
}

package com.bigbox.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bigbox.app.engine.Engine;
import com.bigbox.postgres.backup.ExportManifest;
import com.bigbox.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bigbox export} and {@code bigbox import} as a user runs them, and the continuous export of {@code up}. */
class ExportImportCommandIT {
    @RegisterExtension
    static final TestDatabase source = new TestDatabase();

    @RegisterExtension
    static final TestDatabase target = new TestDatabase();

    @RegisterExtension
    static final TestDatabase errors = new TestDatabase();

    @RegisterExtension
    static final TestDatabase errorsTarget = new TestDatabase();

    @RegisterExtension
    static final TestDatabase cluster = new TestDatabase();

    @TempDir
    Path tmp;

    static void insertEvents(TestDatabase db, int n) throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute("select 1 from pg_tables where tablename = 'events'");
            s.execute("insert into events (event_type, aggregate_type, aggregate_id, correlation_id, payload) "
                    + "select 'CLI_EVENT', 'LEAD', 'cli-' || (i % 5), gen_random_uuid(), jsonb_build_object('i', i) "
                    + "from generate_series(1, " + n + ") i");
        }
    }

    static long count(TestDatabase db) throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void exportThenImportTwiceRestoresOnceAndSaysWhatItDid() throws Exception {
        var sourceSettings = TestEngines.settings(source, Map.of());
        var targetSettings = TestEngines.settings(target, Map.of());
        assertThat(Cli.run(sourceSettings, "migrate").exitCode()).isZero();
        insertEvents(source, 25);
        Path dir = tmp.resolve("backup");

        Cli.Run export = Cli.run(sourceSettings, "export", "--to", dir.toString(), "--segment-events", "10");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out())
                .contains("Exported 25 events in 3 segment(s) to " + dir)
                .contains("events/s");
        assertThat(export.err()).contains("exported 25/25 events");
        assertThat(Cli.run(sourceSettings, "export", "--to", dir.toString(), "--segment-events", "10")
                        .out())
                .contains("Nothing new to export: " + dir + " holds 25 events in 3 segment(s)");
        insertEvents(source, 4);
        assertThat(Cli.run(sourceSettings, "export", "--to", dir.toString(), "--segment-events", "10")
                        .out())
                .contains("Resumed: exported 4 events in 1 segment(s)")
                .contains("it now holds 29 events");

        Cli.Run imported = Cli.run(targetSettings, "import", "--from", dir.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Verified 4 segment(s)").contains("imported 29 events, 0 already present");
        Cli.Run again = Cli.run(targetSettings, "import", "--from", dir.toString());
        assertThat(again.out()).contains("imported 0 events, 29 already present");
        assertThat(count(target)).isEqualTo(29);
    }

    @Test
    void badOptionsAndBadExportsGetAOneLineMessageAndExitCode2() throws Exception {
        var settings = TestEngines.settings(errors, Map.of());
        assertThat(Cli.run(settings, "migrate").exitCode()).isZero();
        assertThat(Cli.run(TestEngines.settings(errorsTarget, Map.of()), "migrate")
                        .exitCode())
                .isZero();

        Cli.Run missing = Cli.run(settings, "export");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--to=DIR'");

        Cli.Run badTime = Cli.run(settings, "export", "--to", tmp.resolve("x").toString(), "--since", "yesterday");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("--since").contains("'yesterday' is not a time");

        Cli.Run both = Cli.run(
                settings, "export", "--to", tmp.resolve("y").toString(), "--since", "2026-01-01", "--after", "3");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        Cli.Run noSuchPosition =
                Cli.run(settings, "export", "--to", tmp.resolve("z").toString(), "--after", "987654321");
        assertThat(noSuchPosition.exitCode()).isEqualTo(2);
        assertThat(noSuchPosition.err())
                .contains("bigbox export: --after 987654321: no event has that global position");

        Cli.Run notAnExport = Cli.run(settings, "import", "--from", tmp.toString());
        assertThat(notAnExport.exitCode()).isEqualTo(2);
        assertThat(notAnExport.err()).contains("bigbox import: ").contains("holds no export");

        Path dir = tmp.resolve("tampered");
        insertEvents(errors, 3);
        Cli.run(settings, "export", "--to", dir.toString());
        Files.writeString(
                dir.resolve("manifest.json"),
                Files.readString(dir.resolve("manifest.json"))
                        .replaceFirst("\"sha256\" : \"[0-9a-f]{4}", "\"sha256\" : \"0000"));
        Cli.Run tampered = Cli.run(TestEngines.settings(errorsTarget, Map.of()), "import", "--from", dir.toString());
        assertThat(tampered.exitCode()).isEqualTo(2);
        assertThat(tampered.err())
                .contains("events-000001.jsonl.gz has SHA-256")
                .contains("nothing was imported");
        assertThat(count(errorsTarget)).isZero();
    }

    @Test
    void upExportsContinuouslyIntoRollingSegmentsSharedByTwoInstances() throws Exception {
        Path dir = tmp.resolve("cold");
        var extra = Map.of("BIGBOX_EXPORT_SCHEDULE", "1s", "BIGBOX_EXPORT_DIR", dir.toString());
        try (Engine a = TestEngines.start(cluster, "cold-a", extra);
                Engine b = TestEngines.start(cluster, "cold-b", extra)) {
            long existing = count(cluster);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 5; j++) {
                    TestEngines.post(
                            i % 2 == 0 ? a : b,
                            "/api/v1/events",
                            "{\"event_type\":\"COLD\",\"aggregate_type\":\"LEAD\",\"aggregate_id\":\"cold-" + j
                                    + "\",\"payload\":{}}");
                }
                Thread.sleep(1_200);
            }
            await().atMost(20, SECONDS)
                    .until(() -> ExportManifest.exists(dir)
                            && ExportManifest.read(dir).events() == existing + 15);
            assertThat(ExportManifest.read(dir).segments().size())
                    .as("rolling: a new segment per round with news")
                    .isGreaterThan(1);
            assertThat(MetricsIT.sampleOrZero(TestEngines.get(a, "/metrics").body(), "bigbox_export_events_total")
                            + MetricsIT.sampleOrZero(
                                    TestEngines.get(b, "/metrics").body(), "bigbox_export_events_total"))
                    .isEqualTo(existing + 15);
        }
    }

    @Test
    void aBadExportScheduleStopsTheEngineAtStartNamingTheSetting() {
        assertThatThrownBy(() -> TestEngines.start(cluster, "bad-schedule", Map.of("BIGBOX_EXPORT_SCHEDULE", "often")))
                .hasMessageContaining("BIGBOX_EXPORT_SCHEDULE")
                .hasMessageContaining("'often'");
    }
}

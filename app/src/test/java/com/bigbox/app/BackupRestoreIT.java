package com.bigbox.app;

import com.bigbox.app.engine.Engine;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/backup-restore.md, end to end: a running engine's events are exported with {@code bigbox
 * export}, imported into a fresh database with {@code bigbox import}, and the seed's key queries
 * answer the same there; an engine started on the restored database serves the same events.
 */
class BackupRestoreIT {
    @RegisterExtension
    static final TestDatabase production = new TestDatabase();

    @RegisterExtension
    static final TestDatabase fresh = new TestDatabase();

    @TempDir
    Path backup;

    /** The seed queries answered by the events alone; the others read projections, rebuilt by `bigbox replay`. */
    static final List<String> EVENT_QUERIES = List.of("recent_events", "event_counts_by_type");

    @Test
    void exportFreshDatabaseImportAndTheSeedQueriesAnswerTheSame() throws Exception {
        try (Engine engine = TestEngines.start(production, "production", Map.of("BIGBOX_AGENTS", "off"))) {
            for (int i = 0; i < 30; i++) {
                String type = i % 3 == 0 ? "LEAD_INQUIRY_RECEIVED" : i % 3 == 1 ? "LEAD_QUALIFIED" : "MEETING_SCHEDULED";
                var response = TestEngines.post(engine, "/api/v1/events", """
                        {"event_type":"%s","aggregate_type":"LEAD","aggregate_id":"lead-%d","emitted_by":"IntakeAgent",
                         "confidence":0.95,"payload":{"name":"Client %d","budget":25000.50}}""".formatted(type, i % 7, i));
                assertThat(response.statusCode()).isEqualTo(201);
            }
            try (Connection c = production.connect(); var s = c.createStatement()) {
                s.execute("select append_event('PAYMENT_RECEIVED', null, null, 'INVOICE', 'inv-1', '{\"amount\": 1200.00}', '{}', "
                        + "'FinanceAgent', 0.99)");
            }
            await().atMost(10, SECONDS).until(() -> engine.node().feedStatus().delivered() >= 31);
            Cli.Run export = Cli.run(TestEngines.settings(production, Map.of()), "export", "--to", backup.toString(),
                    "--segment-events", "8");
            assertThat(export.exitCode()).as(export.err()).isZero();
        }

        Cli.Run imported = Cli.run(TestEngines.settings(fresh, Map.of()), "import", "--from", backup.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 31 events");

        Map<String, String> queries = SeedQueries.load();
        assertThat(queries.keySet()).containsAll(EVENT_QUERIES);
        try (Connection before = production.connect(); Connection after = fresh.connect()) {
            for (var query : queries.entrySet()) {
                var expected = SeedQueries.run(before, query.getValue());
                assertThat(SeedQueries.run(after, query.getValue())).as(query.getKey()).isEqualTo(expected);
                if (EVENT_QUERIES.contains(query.getKey())) {
                    assertThat(expected).as(query.getKey() + " has rows to compare").isNotEmpty();
                }
            }
        }

        try (Engine restored = TestEngines.start(fresh, "restored", Map.of("BIGBOX_AGENTS", "off"))) {
            var events = TestEngines.get(restored, "/api/v1/aggregates/INVOICE/inv-1/events");
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.body()).contains("PAYMENT_RECEIVED").contains("{\"amount\": 1200.00}");
            var appended = TestEngines.post(restored, "/api/v1/events", """
                    {"event_type":"LEAD_QUALIFIED","aggregate_type":"LEAD","aggregate_id":"lead-1","payload":{},"expected_version":5}""");
            assertThat(appended.statusCode()).as("streams continue from their restored version").isEqualTo(201);
        }
    }
}

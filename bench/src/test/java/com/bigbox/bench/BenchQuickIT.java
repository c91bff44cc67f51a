package com.bigbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.testkit.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --quick} as a smoke run in the test suite: every phase runs and reports; its speed is not judged. */
class BenchQuickIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void aQuickRunMeasuresEveryCaseAgainstItsPeersAndWritesJson(@TempDir Path dir) throws Exception {
        Report report = BenchRun.on(DatabaseUrl.parse(db.jdbcUrl()), BenchSizes.quick(), "test");
        Path json = dir.resolve("bench.json");
        report.writeJson(json);

        assertThat(report.rows())
                .extracting(Report.Row::measurement)
                .anySatisfy(m -> assertThat(m).contains("1 writer: ours vs Axon"))
                .anySatisfy(m -> assertThat(m)
                        .contains("8 writers: plain INSERT INTO events vs the same INSERT into an untriggered copy"))
                .anySatisfy(m -> assertThat(m).contains("batch append"))
                .anySatisfy(m ->
                        assertThat(m).contains("commit-to-delivery latency on a second instance at 1,000 events/s"))
                .anySatisfy(m -> assertThat(m).contains("read all in commit order"))
                .anySatisfy(m -> assertThat(m).contains("after its snapshot"));
        boolean messageDbMeasured =
                report.rows().stream().anyMatch(r -> r.measurement().contains("Message DB"));
        assertThat(messageDbMeasured || report.markdown().contains("Message DB: skipped"))
                .isTrue();
        assertThat(report.historyRows()).extracting(Report.HistoryRow::events).containsOnly(2_000L, 5_000L);
        assertThat(report.historyRows())
                .extracting(Report.HistoryRow::read)
                .contains(
                        "GET /api/v1/agents (status and lag of every agent)",
                        "GET /api/events/stats",
                        "GET /api/v1/reviews/weekly",
                        "GET /api/ceo/automation-report?period=quarter",
                        "GET /api/oversight/stats (all time)");
        var parsed = new ObjectMapper().readTree(Files.readString(json));
        assertThat(parsed.path("rows").size()).isEqualTo(report.rows().size());
        assertThat(parsed.path("rows")
                        .get(0)
                        .path("data")
                        .path("ours")
                        .path("rounds")
                        .size())
                .isEqualTo(3);
    }
}

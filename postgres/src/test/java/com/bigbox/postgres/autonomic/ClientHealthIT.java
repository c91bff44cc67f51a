package com.bigbox.postgres.autonomic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.postgres.projections.ProjectionRebuild;
import com.bigbox.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Client health follows the client's events; a drop below attention_needed starts the client health review SOP. */
class ClientHealthIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS));
    static AutonomicHarness engine;

    @BeforeAll
    static void start() {
        engine = AutonomicHarness.start(db, "health", clock);
        engine.loadShippedSops();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aClientWhoseHealthDropsGetsAReviewAndReplayGivesTheSameRows() {
        StreamId client = StreamId.of("CLIENT", "client-gale");
        engine.post(
                client,
                "CLIENT_FEEDBACK_RECEIVED",
                "{\"client_id\": \"client-gale\", \"score\": 10, \"quality\": 0.9}",
                "client:gale",
                clock);
        engine.post(
                StreamId.of("INVOICE", "INV-gale"),
                "PAYMENT_RECEIVED",
                "{\"client_id\": \"client-gale\", \"invoice_id\": \"INV-gale\", \"amount\": 4000}",
                "bank",
                clock);
        await().atMost(20, SECONDS)
                .until(() -> engine.rows("select health_status from client_health where client_id = 'client-gale'")
                        .equals(List.of("healthy")));
        assertThat(
                        engine.rows(
                                "select nps_score, quality_score, revenue_30d, trust_score from client_health where client_id = 'client-gale'"))
                .containsExactly("100 | 0.90 | 4000.00 | 0.90");

        clock.advance(Duration.ofDays(3));
        engine.post(
                client,
                "RISK_DETECTED",
                "{\"client_id\": \"client-gale\", \"risk_type\": \"relationship\", \"severity\": \"high\","
                        + " \"description\": \"the CMO left and the new one is unhappy\"}",
                "alex",
                clock);
        RecordedEvent raised =
                engine.awaitEvent("RISK_DETECTED", e -> e.emittedBy().equals("ClientHealthMonitor"));
        assertThat(raised.payload()).contains("\"risk_type\": \"client_health\"", "dropped to at_risk from healthy");
        await().atMost(20, SECONDS)
                .until(() -> engine.rows("select status from sop_executions where sop_id = 'client-health-review'")
                        .equals(List.of("in_progress")));
        assertThat(
                        engine.rows(
                                "select health_status, health_reasons::text like '%high risk%' from client_health where client_id = 'client-gale'"))
                .containsExactly("at_risk | true");
        engine.awaitEvent("TASK_CREATED", e -> e.payload().contains("Review the account"));

        engine.awaitQuiet();
        List<String> live = engine.rows("select * from client_health order by client_id");
        List<String> liveMetrics = engine.rows("select * from agent_metrics order by agent_id, window_start");
        new ProjectionRebuild(engine.node().store(), engine.ops().projections()).rebuild((applied, total) -> {});
        assertThat(engine.rows("select * from client_health order by client_id"))
                .isEqualTo(live);
        assertThat(engine.rows("select * from agent_metrics order by agent_id, window_start"))
                .isEqualTo(liveMetrics);
        assertThat(engine.ofType("RISK_DETECTED").stream()
                        .filter(e -> e.emittedBy().equals("ClientHealthMonitor")))
                .as("a replay raises nothing")
                .hasSize(1);
    }
}

package com.bigbox.postgres.autonomic;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.core.RecordedEvent;
import com.bigbox.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two engine instances, each running every agent, the governor and the projections: each effect happens once. */
class TwoInstancesIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS));

    @Test
    void twoInstancesRunningAllAgentsProduceEachEffectOnceEvenWhenOneStops() throws Exception {
        AutonomicHarness a = AutonomicHarness.start(db, "node-a", clock);
        try (AutonomicHarness b = AutonomicHarness.start(db, "node-b", clock)) {
            a.loadShippedSops();
            int leads = 12;
            var inquiries = new ArrayList<RecordedEvent>();
            try (var pool = Executors.newFixedThreadPool(4)) {
                List<Future<RecordedEvent>> futures = new ArrayList<>();
                for (int i = 0; i < leads; i++) {
                    if (i == leads / 2) {
                        for (Future<RecordedEvent> f : futures) {
                            f.get();
                        }
                        a.close(); // one instance stops mid-stream: its subscriptions move to the other
                    }
                    AutonomicHarness via = i % 2 == 0 && i < leads / 2 ? a : b;
                    boolean strong = i % 3 != 0;
                    int n = i;
                    futures.add(pool.submit(() -> via.tx(w -> via.ops()
                            .leadIntake()
                            .receive(
                                    w,
                                    new LeadInquiry(
                                            "Client " + n,
                                            "c" + n + "@example.com",
                                            strong ? "+1 555 01" + (10 + n) : null,
                                            strong ? "Company " + n : null,
                                            strong ? new BigDecimal("20000") : null,
                                            strong ? "x".repeat(150) : "hi",
                                            strong ? "high" : null,
                                            "test",
                                            null)))));
                }
                for (Future<RecordedEvent> f : futures) {
                    inquiries.add(f.get());
                }
            }
            b.awaitQuiet();
            for (RecordedEvent inquiry : inquiries) {
                List<RecordedEvent> flow = b.flow(inquiry.correlationId());
                assertThat(flow)
                        .filteredOn(e -> e.type().equals("LEAD_QUALIFIED"))
                        .as("one qualification")
                        .hasSize(1);
                RecordedEvent qualified = flow.stream()
                        .filter(e -> e.type().equals("LEAD_QUALIFIED"))
                        .findFirst()
                        .orElseThrow();
                long verdicts = flow.stream()
                        .filter(e -> e.type().equals("AUTONOMIC_DECISION_EXECUTED")
                                || e.type().equals("HUMAN_APPROVAL_REQUESTED"))
                        .filter(e -> e.causationId().equals(qualified.eventId()))
                        .count();
                assertThat(verdicts).as("one verdict per decision").isEqualTo(1);
                if (qualified.confidence().value() >= 0.75) {
                    assertThat(flow)
                            .filteredOn(e -> e.type().equals("MEETING_SCHEDULED"))
                            .hasSize(1);
                }
            }
            assertThat(
                            b.rows(
                                    "select count(*) from (select event_id from human_approvals group by event_id having count(*) > 1) d"))
                    .containsExactly("0");
            assertThat(b.rows("select count(*) from human_approvals"))
                    .containsExactly(
                            String.valueOf(b.ofType("HUMAN_APPROVAL_REQUESTED").size()));
            assertThat(
                            b.rows(
                                    "select count(*), count(distinct correlation_id) from sop_executions where sop_id = 'lead-intake-qualification'"))
                    .containsExactly(leads + " | " + leads);
            assertThat(
                            b.rows(
                                    "select count(*) from (select causation_id, emitted_by, event_type from events where emitted_by like '%Agent'"
                                            + " group by causation_id, emitted_by, event_type, aggregate_id having count(*) > 1) d"))
                    .containsExactly("0");
            assertThat(
                            b.rows(
                                    "select owner from subscription_checkpoints where subscription_name like 'agent:%' group by owner"))
                    .containsExactly("node-b");
        } finally {
            a.close();
        }
    }
}

package com.bigbox.postgres.autonomic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.core.RecordedEvent;
import com.bigbox.postgres.projections.ProjectionRebuild;
import com.bigbox.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rebuild while the cluster works: two engines take leads and people decide approvals on both while
 * {@code replay} runs again and again. Nothing waits forever, nothing is lost, every flow goes on, and
 * afterwards the live tables are exactly what a rebuild of the log gives.
 */
class ReplayUnderLoadIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final int LEADS = 24;

    @Test
    void replayingWhileTwoEnginesWorkLosesNothingAndEndsEqualToTheLog() throws Exception {
        var clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS));
        try (AutonomicHarness a = AutonomicHarness.start(db, "load-a", clock);
                AutonomicHarness b = AutonomicHarness.start(db, "load-b", clock)) {
            a.loadShippedSops();
            var rebuild = new ProjectionRebuild(a.node().store(), a.ops().projections());
            var leadsDone = new AtomicBoolean();
            var inquiries = new ConcurrentLinkedQueue<RecordedEvent>();
            var rebuilds = new AtomicInteger();
            var decided = new AtomicInteger();
            try (var pool = Executors.newFixedThreadPool(3)) {
                Future<?> leads = pool.submit(() -> {
                    for (int i = 0; i < LEADS; i++) {
                        AutonomicHarness via = i % 2 == 0 ? a : b;
                        inquiries.add(via.tx(w -> via.ops().leadIntake().receive(w, lead(inquiries.size()))));
                        sleep(60);
                    }
                    leadsDone.set(true);
                    return null;
                });
                Future<?> people = pool.submit(() -> {
                    while (!leadsDone.get() || decided.get() < LEADS / 2) {
                        for (Approval pending : b.tx(w -> b.ops()
                                .approvals()
                                .list(w, ApprovalFilter.pending().withLimit(50)))) {
                            DecisionCommand command = decided.get() % 3 == 2
                                    ? new DecisionCommand.Reject("sam", "not for us")
                                    : new DecisionCommand.Approve("sam", null);
                            AutonomicHarness via = decided.get() % 2 == 0 ? a : b;
                            try {
                                via.tx(w -> via.ops().approvals().decide(w, pending.approvalId(), command));
                                decided.incrementAndGet();
                            } catch (ConflictException alreadyDecided) {
                                // the other engine's person got there first
                            }
                        }
                        sleep(40);
                    }
                    return null;
                });
                Future<?> replays = pool.submit(() -> {
                    while (!leadsDone.get()) {
                        rebuild.rebuild((done, total) -> {});
                        rebuilds.incrementAndGet();
                        sleep(150);
                    }
                    return null;
                });
                leads.get(60, SECONDS);
                replays.get(60, SECONDS);
                people.get(60, SECONDS);
            }
            assertThat(rebuilds.get())
                    .as("replays that ran while the engines worked")
                    .isGreaterThanOrEqualTo(3);

            for (RecordedEvent inquiry : inquiries) {
                a.awaitEvent("LEAD_QUALIFIED", e -> e.correlationId().equals(inquiry.correlationId()));
            }
            await().atMost(30, SECONDS).until(() -> a.rows("""
                    select count(*) from events q where q.event_type = 'LEAD_QUALIFIED'
                       and not exists (select 1 from events r where r.causation_id = q.event_id
                                          and r.event_type in ('AUTONOMIC_DECISION_EXECUTED', 'HUMAN_APPROVAL_REQUESTED'))""").equals(List.of("0")));
            a.awaitQuiet();
            b.awaitQuiet();
            assertThat(a.rows("select count(*) from human_approvals where status <> 'pending'")
                            .getFirst())
                    .isEqualTo(Integer.toString(decided.get()));
            assertThat(a.rows("""
                    select count(*) from events g
                     where g.event_type = 'HUMAN_APPROVAL_GRANTED'
                       and not exists (select 1 from events m where m.causation_id = g.event_id and m.event_type = 'MEETING_SCHEDULED')"""))
                    .as("every granted qualification booked its meeting")
                    .containsExactly("0");

            Map<String, List<String>> live = a.derivedTables();
            rebuild.rebuild((done, total) -> {});
            assertThat(a.derivedTables()).isEqualTo(live);
        }
    }

    private static LeadInquiry lead(int n) {
        boolean strong = n % 2 == 0;
        String name = "Load Lead " + n + " " + UUID.randomUUID().toString().substring(0, 6);
        return strong
                ? new LeadInquiry(
                        name,
                        "lead" + n + "@acme.test",
                        "+1 555 01" + n,
                        "Acme " + n,
                        new BigDecimal("20000"),
                        "We need a complete rebrand for our launch next quarter, with a campaign for engineers and buyers alike.",
                        "high",
                        "test",
                        null)
                : new LeadInquiry(
                        name,
                        "lead" + n + "@example.com",
                        null,
                        null,
                        null,
                        "Hello, can you help us?",
                        null,
                        "test",
                        null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

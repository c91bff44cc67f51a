package com.bigbox.postgres.autonomic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.autonomic.sop.SopFile;
import com.bigbox.core.RecordedEvent;
import com.bigbox.postgres.projections.ProjectionRebuild;
import com.bigbox.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bigbox replay}'s promise on a realistic run — agents deciding, people approving, rejecting,
 * changing, commenting and staying silent, approvals escalating until they expire, SOPs completing,
 * falling back and escalating, an SOP loaded twice: rebuilding any one projection, or all of them, from
 * the log gives exactly the rows the live system holds, and the rebuilt system carries on.
 */
class ReplayIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS));
    static AutonomicHarness engine;

    @BeforeAll
    static void start() {
        engine = AutonomicHarness.start(db, "replay", clock);
        engine.loadShippedSops();
        List<SopFile> changed = AutonomicHarness.shippedSops().stream()
                .filter(f -> f.name().equals("lead-intake-qualification.yaml"))
                .map(f -> new SopFile(
                        f.name(),
                        f.text()
                                .replace("cycle_time_target_hours: 4", "cycle_time_target_hours: 5")
                                .replace("version: 1.0.0", "version: 1.1.0")))
                .toList();
        assertThat(engine.tx(w -> engine.ops().sopLoader().load(w, changed, "test"))
                        .count("updated"))
                .isEqualTo(1);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void everyDerivedTableIsRebuiltToTheLiveRowsOneProjectionAtATimeAndAllAtOnce() {
        Approval waiting = realisticRun();
        Map<String, List<String>> live = engine.derivedTables();
        assertThat(engine.rows("select coalesce(resolution, status) from human_approvals group by 1 order by 1"))
                .as("approvals ended every way")
                .containsExactly("approved", "approved_by_silence", "expired", "modified", "pending", "rejected");
        assertThat(engine.rows("select status from sop_executions group by status order by status"))
                .contains("completed", "escalated", "in_progress");
        assertThat(live.get("sop_definitions")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(live.get("human_approval_comments")).hasSize(2);
        assertThat(live.get("scheduled_jobs")).isNotEmpty();
        assertThat(live.get("agent_metrics")).isNotEmpty();
        assertThat(live.get("client_health")).isNotEmpty();

        var rebuild = new ProjectionRebuild(engine.node().store(), engine.ops().projections());
        for (String projection : engine.ops().projections().names()) {
            ProjectionRebuild.Result result = rebuild.rebuild(List.of(projection), (done, total) -> {});
            assertThat(result.projections()).contains(projection);
            Map<String, List<String>> rebuilt = engine.derivedTables();
            for (String table : live.keySet()) {
                assertThat(rebuilt.get(table))
                        .as("%s after rebuilding %s", table, result.projections())
                        .isEqualTo(live.get(table));
            }
        }
        assertThat(rebuild.rebuild(List.of("sop_definitions"), (done, total) -> {})
                        .projections())
                .as("executions refer to definitions: they are rebuilt with them")
                .containsExactly("sop_definitions", "sop_executions");
        var progress = new ArrayList<Long>();
        ProjectionRebuild.Result all = rebuild.rebuild((done, total) -> progress.add(done));
        assertThat(all.projections())
                .containsExactly(
                        "human_approvals",
                        "sop_definitions",
                        "sop_executions",
                        "agent_metrics",
                        "client_health",
                        "improvement_signals");
        assertThat(all.events())
                .isEqualTo(Long.parseLong(
                        engine.rows("select count(*) from events").getFirst()));
        assertThat(progress).startsWith(0L).endsWith(all.events());
        assertThat(engine.derivedTables()).isEqualTo(live);
        assertThatThrownBy(() -> rebuild.rebuild(List.of("no_such_table"), (done, total) -> {}))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage())
                                .contains("no projection named 'no_such_table'")
                                .contains("human_approvals"));

        // The rebuilt system carries on: the pending approval can be decided, or expires on its rebuilt job.
        Approval still = engine.tx(w -> engine.ops().approvals().get(w, waiting.approvalId()));
        assertThat(still.pending()).isTrue();
        clock.advance(Duration.ofHours(25));
        await().atMost(20, SECONDS)
                .until(() -> !engine.tx(w -> engine.ops().approvals().get(w, waiting.approvalId()))
                        .pending());
        assertThat(engine.tx(w -> engine.ops().approvals().get(w, waiting.approvalId()))
                        .resolution())
                .isEqualTo("approved_by_silence");
        engine.awaitEvent("MEETING_SCHEDULED", e -> e.correlationId().equals(waiting.correlationId()));
        engine.awaitQuiet();
        Map<String, List<String>> later = engine.derivedTables();
        rebuild.rebuild((done, total) -> {});
        assertThat(engine.derivedTables()).isEqualTo(later);
    }

    // Returns the one approval left pending, with a question, comments, a new assignee and a reminder.
    private static Approval realisticRun() {
        RecordedEvent strong = engine.tx(w -> engine.ops()
                .leadIntake()
                .receive(
                        w,
                        new LeadInquiry(
                                "Ada Lovelace",
                                "ada@acme.test",
                                "+1 555 0100",
                                "Acme Rockets",
                                new BigDecimal("25000"),
                                "We are launching a new rocket line this spring and need a campaign that reaches engineers and buyers alike.",
                                "high",
                                "test",
                                null)));
        engine.awaitEvent("MEETING_SCHEDULED", e -> e.correlationId().equals(strong.correlationId()));
        var approvals = engine.ops().approvals();
        Approval approve = pendingFor(bareLead("Approve Me"));
        Approval reject = pendingFor(bareLead("Reject Me"));
        Approval modify = pendingFor(bareLead("Modify Me"));
        Approval silent = pendingFor(bareLead("Silent Client"));
        RecordedEvent quote = decision(
                "QUOTE_GENERATED", 0.95, "{\"amount\": 30000, \"client_id\": \"client-escalates\"}", "financial");
        RecordedEvent contract =
                decision("QUOTE_GENERATED", 0.99, "{\"amount\": 5000, \"client_id\": \"client-dual\"}", "contract");
        Approval financial = engine.awaitPendingApproval(quote.eventId());
        Approval dual = engine.awaitPendingApproval(contract.eventId());
        engine.tx(w -> approvals.decide(w, approve.approvalId(), new DecisionCommand.Approve("sam", "looks real")));
        engine.tx(w ->
                approvals.decide(w, reject.approvalId(), new DecisionCommand.Reject("sam", "a competitor fishing")));
        engine.tx(w -> approvals.decide(
                w,
                modify.approvalId(),
                new DecisionCommand.Modify("sam", "priority account", Map.of("priority", "high"))));
        engine.tx(w -> approvals.decide(w, dual.approvalId(), new DecisionCommand.Approve("jordan", "first look")));
        engine.tx(w -> approvals.decide(w, dual.approvalId(), new DecisionCommand.Approve("ceo", null)));
        engine.awaitQuiet();

        // A day passes unanswered: silence approves the routine one, the financial one escalates, the
        // fallback step of the rejected qualification passes its timeout.
        for (int day = 1; day <= 3; day++) {
            clock.advance(Duration.ofHours(25));
            int level = day;
            await().atMost(20, SECONDS).until(() -> {
                Approval f = engine.tx(w -> approvals.get(w, financial.approvalId()));
                return level < 3 ? f.escalationLevel() == level : !f.pending();
            });
            engine.awaitQuiet();
        }
        assertThat(engine.tx(w -> approvals.get(w, silent.approvalId())).resolution())
                .isEqualTo("approved_by_silence");

        Approval waiting = pendingFor(bareLead("Wait For Me"));
        engine.tx(w -> approvals.assign(w, waiting.approvalId(), "account_manager", "alex", "jordan"));
        engine.tx(w -> approvals.requestInfo(w, waiting.approvalId(), "alex", "Which budget did they mention?"));
        engine.tx(w -> approvals.comment(w, waiting.approvalId(), "sam", "Around 10k."));
        engine.tx(w -> approvals.remind(w, waiting.approvalId(), "jordan"));
        engine.awaitQuiet();
        return waiting;
    }

    static RecordedEvent bareLead(String name) {
        return engine.tx(w -> engine.ops()
                .leadIntake()
                .receive(
                        w,
                        new LeadInquiry(
                                name,
                                name.toLowerCase().replace(' ', '.') + "@example.com",
                                null,
                                null,
                                null,
                                "Hello, can you help us?",
                                null,
                                "test",
                                null)));
    }

    static Approval pendingFor(RecordedEvent inquiry) {
        RecordedEvent qualified =
                engine.awaitEvent("LEAD_QUALIFIED", e -> e.correlationId().equals(inquiry.correlationId()));
        return engine.awaitPendingApproval(qualified.eventId());
    }

    // A decision as the strategy agent would emit it, without running a whole flow first.
    static RecordedEvent decision(String type, double confidence, String payload, String actionClass) {
        return engine.strategyDecision(type, confidence, payload, actionClass, clock.instant());
    }
}

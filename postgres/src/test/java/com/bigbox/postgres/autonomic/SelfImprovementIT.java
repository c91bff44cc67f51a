package com.bigbox.postgres.autonomic;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.loops.LoopActions;
import com.bigbox.autonomic.improvement.loops.LoopRun;
import com.bigbox.autonomic.improvement.loops.SopEvolution;
import com.bigbox.autonomic.improvement.loops.SopProposals;
import com.bigbox.autonomic.improvement.review.ReviewWeek;
import com.bigbox.autonomic.improvement.review.WeeklyReview;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.improvement.PgImprovementFacts;
import com.bigbox.postgres.projections.ProjectionRebuild;
import com.bigbox.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The loops on a real database: recurring durable jobs that two instances run once, that keep their next run
 * across a restart, that find an automation gap in people's manual tasks and show it in the weekly review;
 * an SOP proposal nobody objects to is activated after 48 hours (on the test clock) and can be reverted; and
 * the signals and proposals tables rebuild from the log to the live rows.
 */
class SelfImprovementIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T09:00:00Z"));
    static final Doctrine DOCTRINE = Doctrine.shipped();

    @Test
    void loopsRunOnceAcrossInstancesKeepTheirScheduleOverARestartAndTheirSignalsRebuild() {
        Instant t0 = clock.instant();
        // The other tests of this class may have scheduled the loops already: this one starts from none.
        try (var c = db.connect();
                var s = c.createStatement()) {
            s.execute("delete from scheduled_jobs where kind like 'loop.%'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        AutonomicHarness a = AutonomicHarness.start(db, "loops-a", clock);
        AutonomicHarness b = AutonomicHarness.start(db, "loops-b", clock);
        try {
            a.ops().startLoops(a.node().store());
            b.ops().startLoops(b.node().store());
            assertThat(a.rows("select kind, every_seconds from scheduled_jobs where kind like 'loop.%' order by kind"))
                    .containsExactly(
                            "loop.coverage | 86400",
                            "loop.doctrine | 86400",
                            "loop.drift | 3600",
                            "loop.economic | 86400",
                            "loop.sop_evolution | 86400",
                            "loop.threshold | 86400",
                            "loop.weekly_review | 604800");
            // Due at once (the weekly review just after the ISO week ends): each runs once, on one of the two, and
            // moves to its next run.
            Instant monday = ReviewWeek.of(t0).end().plus(Duration.ofMinutes(5));
            assertThat(a.rows(
                            "select run_at = ? from scheduled_jobs where kind = 'loop.weekly_review'",
                            java.sql.Timestamp.from(monday)))
                    .containsExactly("true");
            await().atMost(20, SECONDS)
                    .until(() -> a.rows(
                                    "select 1 from scheduled_jobs where kind like 'loop.%' and run_at <= ?",
                                    java.sql.Timestamp.from(t0))
                            .isEmpty());
            assertThat(a.rows(
                            "select kind, extract(epoch from run_at - ?::timestamptz)::bigint = every_seconds, last_run_by is not null,"
                                    + " status, attempts, last_error from scheduled_jobs where kind like 'loop.%' and kind <> 'loop.weekly_review'"
                                    + " order by kind",
                            java.sql.Timestamp.from(t0)))
                    .hasSize(6)
                    .allSatisfy(row -> assertThat(row).contains("| true | true | scheduled | 0 |"));

            // People create the same kind of task by hand twice: the next daily coverage run finds the gap.
            for (int i = 0; i < 2; i++) {
                a.post(
                        StreamId.of("TASK", "manual-" + i),
                        EventTypes.TASK_CREATED,
                        "{\"task_id\": \"manual-" + i + "\", \"title\": \"Update the CRM\", \"reason\": \"crm_update\","
                                + " \"estimated_minutes\": 45}",
                        "person:sam",
                        clock);
            }
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            var gap = a.awaitEvent(EventTypes.AUTOMATION_GAP_DETECTED, e -> true);
            var detected = EventCodec.decode(gap, ImprovementEvent.AutomationGapDetected.class);
            assertThat(detected.taskKind()).isEqualTo("crm_update");
            assertThat(detected.occurrences()).isEqualTo(2);
            assertThat(detected.costPerWeek()).isEqualByComparingTo("150.00"); // 90 minutes in under a week at 100/h
            assertThat(detected.reviewDueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
            assertThat(EventCodec.tree(gap.metadata()).path("evidence")).hasSize(2);
            await().atMost(20, SECONDS)
                    .until(() -> !a.rows("select subject from improvement_signals where kind = 'gap'")
                            .isEmpty());
            assertThat(a.ofType(EventTypes.AUTOMATION_GAP_DETECTED))
                    .as("one gap, found once by two runners")
                    .hasSize(1);

            WeeklyReview review = a.tx(w -> a.ops().improvement().weeklyReview(w, ReviewWeek.of(clock.instant())));
            assertThat(review.automationGaps()).singleElement().satisfies(item -> {
                assertThat(item.subject()).isEqualTo("crm_update");
                assertThat(item.monthlyImpact()).isEqualByComparingTo("600.00");
                assertThat(item.overdue()).isFalse();
            });
            assertThat(review.phase()).isEqualTo("learning");
            assertThat(review.text())
                    .contains("Top automation gaps (1)")
                    .contains("crm_update")
                    .contains("ceo_interrupts_per_week");

            // A restart keeps every loop's next run.
            List<String> before =
                    a.rows("select kind, run_at from scheduled_jobs where kind like 'loop.%' order by kind");
            b.close();
            b = AutonomicHarness.start(db, "loops-b2", clock);
            b.ops().startLoops(b.node().store());
            assertThat(a.rows("select kind, run_at from scheduled_jobs where kind like 'loop.%' order by kind"))
                    .isEqualTo(before);

            // Monday: the review of the week that ended is held once, by one of the two.
            clock.advance(Duration.between(clock.instant(), monday.plusSeconds(60)));
            String reviewed = ReviewWeek.of(t0).toString();
            java.util.function.Supplier<List<String>> reviews = () -> a.rows(
                    "select global_position from events where event_type = 'AUTOMATION_REVIEW_COMPLETED' and payload->>'week' = ?",
                    reviewed);
            await().atMost(20, SECONDS).until(() -> !reviews.get().isEmpty());
            a.awaitQuiet();
            assertThat(reviews.get()).hasSize(1);

            // An acknowledged gap is no longer open; the tables rebuild from the log to the same rows.
            AutonomicHarness live = b;
            live.tx(w -> live.ops().improvement().acknowledge(w, gap.eventId(), "ceo"));
            await().atMost(20, SECONDS)
                    .until(() -> !a.rows("select 1 from improvement_signals where acknowledged_by = 'ceo'")
                            .isEmpty());
            a.awaitQuiet();
            Map<String, List<String>> rows = a.derivedTables();
            assertThat(rows.get("improvement_signals")).isNotEmpty();
            new ProjectionRebuild(a.node().store(), a.ops().projections())
                    .rebuild(List.of("improvement_signals"), (d, t) -> {});
            assertThat(a.derivedTables()).isEqualTo(rows);
        } finally {
            b.close();
            a.close();
        }
    }

    @Test
    void aProposalNobodyObjectsToIsActivatedAfter48HoursAndCanBeReverted() {
        try (AutonomicHarness a = AutonomicHarness.start(db, "evolution", clock)) {
            a.loadShippedSops();
            a.ops().startLoops(a.node().store());
            a.awaitQuiet();
            SopVersion active = a.tx(w ->
                    a.ops().sops().activeVersion(w, "lead-intake-qualification").orElseThrow());
            // People approved the qualification step 60 times unchanged, 15 minutes each: 1,400 a month.
            var facts = CraftedFacts.withSteps(
                    new PgImprovementFacts(),
                    List.of(new ImprovementFacts.StepRecord(
                            active.sopId(),
                            active.version(),
                            "qualify_lead",
                            "assisted",
                            70,
                            60,
                            60,
                            15,
                            List.of(UUID.randomUUID()))));
            var evolution = new SopEvolution(
                    DOCTRINE,
                    facts,
                    a.ops().sops(),
                    new SopProposals(a.ops().sopLoader(), a.ops().sops()),
                    new LoopActions(a.ops().approvals().commands()));
            Instant proposedAt = clock.instant();
            LoopRun run = a.tx(w -> evolution.run(w, proposedAt));
            assertThat(run.types()).containsExactly(EventTypes.SOP_VERSION_PROPOSED);
            var proposed = EventCodec.decode(run.events().getFirst(), ImprovementEvent.SopVersionProposed.class);
            assertThat(proposed.mechanism()).isEqualTo("silent_timeout");
            assertThat(proposed.expectedMonthlyImpact()).isEqualByComparingTo("1400.00");
            Approval approval =
                    a.tx(w -> a.ops().approvals().get(w, run.approvals().getFirst()));
            assertThat(approval.actionClass()).isEqualTo("sop_automation");
            assertThat(approval.silenceApproves()).isTrue();
            assertThat(approval.timeoutAt()).isEqualTo(proposedAt.plus(Duration.ofHours(48)));
            await().atMost(20, SECONDS)
                    .until(() -> a.rows("select status from sop_proposals").equals(List.of("pending")));
            assertThat(a.tx(w -> evolution.run(w, proposedAt)).events())
                    .as("one open proposal per SOP")
                    .isEmpty();

            clock.advance(Duration.ofHours(47));
            a.adapters().jobs().runDue();
            assertThat(a.tx(w -> a.ops().approvals().get(w, approval.approvalId()))
                            .pending())
                    .as("47 h: still waiting")
                    .isTrue();

            clock.advance(Duration.ofHours(2));
            await().atMost(20, SECONDS)
                    .until(() -> a.rows("select status, activated_version from sop_proposals")
                            .equals(List.of("activated | " + (active.version() + 1))));
            SopVersion evolved =
                    a.tx(w -> a.ops().sops().activeVersion(w, active.sopId()).orElseThrow());
            assertThat(evolved.version()).isEqualTo(active.version() + 1);
            assertThat(evolved.approvalMechanism()).isEqualTo("silent_timeout");
            assertThat(evolved.previousVersion()).isEqualTo(active.version());
            assertThat(evolved.document().metadata().version()).isEqualTo("1.1.0");
            assertThat(evolved.document().steps())
                    .filteredOn(s -> s.stepId().equals("qualify_lead"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.automationLevel()).isEqualTo("full"));
            assertThat(evolved.document().automationPolicy().confidenceThreshold())
                    .isEqualTo(0.70);
            List<Approval> pending = a.tx(
                    w -> a.ops().approvals().list(w, ApprovalFilter.pending().withLimit(50)));
            assertThat(pending).isEmpty();

            SopVersion reverted = a.tx(w -> a.ops().improvement().revert(w, active.sopId(), "ceo"));
            assertThat(reverted.version()).isEqualTo(active.version() + 2);
            assertThat(reverted.document().steps())
                    .filteredOn(s -> s.stepId().equals("qualify_lead"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.automationLevel()).isEqualTo("assisted"));
            assertThat(reverted.document().metadata().version()).isEqualTo("1.2.0");
            assertThat(reverted.approvalMechanism()).isEqualTo("explicit_human");
            await().atMost(20, SECONDS)
                    .until(() -> a.rows("select status from sop_proposals").equals(List.of("reverted")));
            assertThat(a.tx(w -> evolution.run(w, clock.instant())).events())
                    .as("its evidence was of an older version")
                    .isEmpty();

            a.awaitQuiet();
            Map<String, List<String>> live = a.derivedTables();
            assertThat(live.get("sop_proposals")).singleElement().asString().contains("reverted");
            new ProjectionRebuild(a.node().store(), a.ops().projections()).rebuild((d, t) -> {});
            assertThat(a.derivedTables()).isEqualTo(live);
        }
    }

    @Test
    void thresholdChangesWithinBoundsAreMadeAndBeyondThemWaitForAPerson() {
        try (AutonomicHarness a = AutonomicHarness.start(db, "threshold", clock)) {
            Instant now = clock.instant();
            var outcomes = new java.util.ArrayList<ImprovementFacts.ApprovalOutcome>();
            for (int i = 0; i < 20; i++) {
                outcomes.add(new ImprovementFacts.ApprovalOutcome(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "StrategyAgent",
                        "STRATEGY_RECOMMENDED",
                        0.72,
                        "approved",
                        "sam",
                        now.plusSeconds(i + 1)));
                outcomes.add(new ImprovementFacts.ApprovalOutcome(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "FinanceAgent",
                        "INVOICE_ISSUED",
                        0.57,
                        "approved",
                        "kim",
                        now.plusSeconds(i + 1)));
            }
            a.tx(w -> a.ops().agents().changeThreshold(w, "FinanceAgent", 0.60, "test setup", "ops", now));
            a.tx(w -> a.ops().agents().changeThreshold(w, "StrategyAgent", 0.75, "test setup", "ops", now));
            var facts = CraftedFacts.withOutcomes(new PgImprovementFacts(), outcomes);
            var loop = new com.bigbox.autonomic.improvement.loops.ThresholdCalibration(
                    DOCTRINE,
                    facts,
                    a.ops().agents(),
                    new LoopActions(a.ops().approvals().commands()));
            a.ops().startLoops(a.node().store());
            clock.advance(Duration.ofMinutes(5));
            LoopRun run = a.tx(w -> loop.run(w, clock.instant()));
            assertThat(run.types())
                    .containsExactlyInAnyOrder(EventTypes.AGENT_THRESHOLD_CHANGED, EventTypes.AGENT_CHANGE_PROPOSED);
            // Each agent's evidence is of one decision type, enough on its own: that type gets its own threshold.
            assertThat(a.tx(w -> a.ops().agents().settings(w, "StrategyAgent")).thresholdFor("STRATEGY_RECOMMENDED"))
                    .isEqualTo(0.70);
            assertThat(a.tx(w -> a.ops().agents().settings(w, "StrategyAgent")).threshold())
                    .isEqualTo(0.75);
            var changed = run.events().stream()
                    .filter(e -> e.type().equals(EventTypes.AGENT_THRESHOLD_CHANGED))
                    .findFirst()
                    .orElseThrow();
            var metadata = EventCodec.tree(changed.metadata());
            assertThat(metadata.path("before").asText()).isEqualTo("0.75");
            assertThat(metadata.path("after").asText()).isEqualTo("0.70");
            assertThat(metadata.path("for_decision_type").asText()).isEqualTo("STRATEGY_RECOMMENDED");
            assertThat(EventCodec.tree(changed.payload()).path("decision_type").asText())
                    .isEqualTo("STRATEGY_RECOMMENDED");
            assertThat(metadata.path("evidence")).hasSize(20);
            assertThat(changed.emittedBy()).isEqualTo("loop:threshold");

            // 0.55 is below the doctrine's 0.60: a person decides, and may change the value.
            assertThat(a.tx(w -> a.ops().agents().settings(w, "FinanceAgent")).thresholdFor("INVOICE_ISSUED"))
                    .isEqualTo(0.60);
            Approval asked =
                    a.tx(w -> a.ops().approvals().get(w, run.approvals().getFirst()));
            assertThat(asked.actionClass()).isEqualTo("agent_change");
            assertThat(asked.silenceApproves()).isFalse();
            a.tx(w -> a.ops()
                    .approvals()
                    .decide(
                            w,
                            asked.approvalId(),
                            new com.bigbox.autonomic.approvals.DecisionCommand.Modify(
                                    "ceo", "not that far", Map.of("after", "0.58"))));
            // The approved proposal changes the type it was for, not the agent as a whole.
            await().atMost(20, SECONDS)
                    .until(() -> a.tx(w -> a.ops().agents().settings(w, "FinanceAgent"))
                                    .thresholdFor("INVOICE_ISSUED")
                            == 0.58);
            assertThat(a.tx(w -> a.ops().agents().settings(w, "FinanceAgent")).threshold())
                    .isEqualTo(0.60);
            var applied = a.ofType(EventTypes.AGENT_THRESHOLD_CHANGED).getLast();
            assertThat(EventCodec.tree(applied.metadata()).path("approval_id").asText())
                    .isEqualTo(asked.approvalId().toString());
            assertThat(applied.emittedBy()).isEqualTo("ceo");

            // The same evidence moves nothing twice: only outcomes after the last change count.
            assertThat(a.tx(w -> loop.run(w, clock.instant())).events()).isEmpty();
        }
    }

    /** The real facts, but for the approval outcomes or the SOP steps' record where they are given. */
    record CraftedFacts(ImprovementFacts real, List<ApprovalOutcome> outcomes, List<StepRecord> steps)
            implements ImprovementFacts {
        static CraftedFacts withOutcomes(ImprovementFacts real, List<ApprovalOutcome> outcomes) {
            return new CraftedFacts(real, outcomes, null);
        }

        static CraftedFacts withSteps(ImprovementFacts real, List<StepRecord> steps) {
            return new CraftedFacts(real, null, steps);
        }

        public List<ApprovalOutcome> approvalOutcomes(UnitOfWork w, List<String> agents, Instant since) {
            return outcomes != null ? outcomes : real.approvalOutcomes(w, agents, since);
        }

        public List<ExecutedDecision> executedDecisions(UnitOfWork w, List<String> agents, Instant since) {
            return real.executedDecisions(w, agents, since);
        }

        public List<ManualTask> manualTasks(UnitOfWork w, List<String> agents, Instant since) {
            return real.manualTasks(w, agents, since);
        }

        public List<SopRun> completedRuns(UnitOfWork w, Instant since) {
            return real.completedRuns(w, since);
        }

        public List<MeetingAttendance> meetings(UnitOfWork w, Instant since) {
            return real.meetings(w, since);
        }

        public List<ConfidenceSample> confidences(UnitOfWork w, List<String> agents, Instant since) {
            return real.confidences(w, agents, since);
        }

        public List<CeoInterrupt> ceoInterrupts(UnitOfWork w, Instant from, Instant to) {
            return real.ceoInterrupts(w, from, to);
        }

        public List<UnrecordedWork> unrecordedWork(UnitOfWork w, Instant since) {
            return real.unrecordedWork(w, since);
        }

        public List<StepRecord> stepRecords(UnitOfWork w, Instant since) {
            return steps != null ? steps : real.stepRecords(w, since);
        }

        public List<RaisedSignal> raisedSignals(UnitOfWork w) {
            return real.raisedSignals(w);
        }

        public List<String> sopsWithPendingProposals(UnitOfWork w) {
            return real.sopsWithPendingProposals(w);
        }

        public List<String> reviewedWeeks(UnitOfWork w) {
            return real.reviewedWeeks(w);
        }

        public Optional<Instant> firstEventAt(UnitOfWork w) {
            return real.firstEventAt(w);
        }
    }
}

package com.bigbox.autonomic.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.DoctrineCheck;
import com.bigbox.autonomic.improvement.doctrine.DoctrineCheck.Violation;
import com.bigbox.autonomic.improvement.doctrine.DoctrineCheck.WeekFacts;
import com.bigbox.autonomic.improvement.doctrine.Phase;
import com.bigbox.autonomic.improvement.doctrine.RuleAction;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.CeoInterrupt;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ManualTask;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.UnrecordedWork;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each rule of the doctrine, broken in each phase: the phase decides what is done. */
class DoctrineCheckTest {
    static final Doctrine DOCTRINE = Doctrine.shipped();
    static final Instant AT = Instant.parse("2026-03-04T10:00:00Z");
    static final Map<Phase, RuleAction> MANUAL = Map.of(
            Phase.LEARNING,
            RuleAction.WARN,
            Phase.TRANSITION,
            RuleAction.REQUIRE_JUSTIFICATION,
            Phase.OPERATIONAL,
            RuleAction.ESCALATE,
            Phase.AUTONOMIC,
            RuleAction.ESCALATE);
    static final Map<Phase, RuleAction> CEO = Map.of(
            Phase.LEARNING,
            RuleAction.WARN,
            Phase.TRANSITION,
            RuleAction.WARN,
            Phase.OPERATIONAL,
            RuleAction.ESCALATE,
            Phase.AUTONOMIC,
            RuleAction.ESCALATE);

    static ManualTask task(String kind, String justification) {
        return new ManualTask(UUID.randomUUID(), "t-" + UUID.randomUUID(), kind, "person:sam", AT, 20.0, justification);
    }

    static CeoInterrupt interrupt(String reason) {
        return new CeoInterrupt(UUID.randomUUID(), UUID.randomUUID(), List.of(reason), AT);
    }

    static WeekFacts week(
            List<UnrecordedWork> work, List<ManualTask> tasks, List<CeoInterrupt> interrupts, Boolean reviewed) {
        return new WeekFacts("2026-W10", work, tasks, interrupts, "2026-W09", reviewed);
    }

    static List<Violation> of(List<Violation> all, String rule) {
        return all.stream().filter(v -> v.rule().equals(rule)).toList();
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void workWithoutAnEventIsAViolationUnlessJustifiedWhereJustificationIsAsked(Phase phase) {
        var unjustified = new UnrecordedWork(UUID.randomUUID(), "T-1", "person:sam", AT, null);
        var justified =
                new UnrecordedWork(UUID.randomUUID(), "T-2", "person:kim", AT, "client called, no system access");
        List<Violation> found = of(
                DoctrineCheck.evaluate(
                        DOCTRINE, phase, week(List.of(unjustified, justified), List.of(), List.of(), null)),
                DoctrineCheck.NO_WORK_WITHOUT_EVENT);
        RuleAction expected = DOCTRINE.rule(DoctrineCheck.NO_WORK_WITHOUT_EVENT).actionIn(phase);
        assertThat(found).allSatisfy(v -> assertThat(v.action()).isEqualTo(expected));
        assertThat(found).extracting(Violation::subject).contains("task:T-1");
        assertThat(found).hasSize(expected == RuleAction.REQUIRE_JUSTIFICATION ? 1 : 2);
        assertThat(found.getFirst().evidence()).containsExactly(unjustified.eventId());
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void repeatedManualTasksAreWarnedAskedForJustificationOrEscalatedByPhase(Phase phase) {
        var tasks = List.of(
                task("crm_update", null),
                task("crm_update", "the CRM sync is down"),
                task("crm_update", null),
                task("timesheet_chase", null));
        List<Violation> found = of(
                DoctrineCheck.evaluate(DOCTRINE, phase, week(List.of(), tasks, List.of(), null)),
                DoctrineCheck.MANUAL_TASK_CREATION);
        assertThat(found)
                .as("one timesheet chase is no repetition")
                .extracting(Violation::subject)
                .containsExactly("kind:crm_update");
        assertThat(found.getFirst().action()).isEqualTo(MANUAL.get(phase));
        // Under "justification required" only the unjustified ones count.
        assertThat(found.getFirst().evidence()).hasSize(phase == Phase.TRANSITION ? 2 : 3);
        var twoJustified = List.of(task("crm_update", "sync down"), task("crm_update", "sync down"));
        List<Violation> again = of(
                DoctrineCheck.evaluate(DOCTRINE, phase, week(List.of(), twoJustified, List.of(), null)),
                DoctrineCheck.MANUAL_TASK_CREATION);
        assertThat(again).hasSize(phase == Phase.TRANSITION ? 0 : 1);
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void sevenCeoInterruptsAWeekOrAnInterruptForAnotherReasonBreakTheRule(Phase phase) {
        var allowed = IntStream.range(0, 6)
                .mapToObj(i -> interrupt("amount 150000 exceeds the CEO limit 100000"))
                .toList();
        assertThat(of(
                        DoctrineCheck.evaluate(DOCTRINE, phase, week(List.of(), List.of(), allowed, null)),
                        DoctrineCheck.CEO_INTERRUPTS))
                .as("six allowed interrupts keep the rule")
                .isEmpty();
        var seven = new java.util.ArrayList<>(allowed);
        seven.add(interrupt("churn probability 0.80 exceeds 0.70"));
        List<Violation> found = of(
                DoctrineCheck.evaluate(DOCTRINE, phase, week(List.of(), List.of(), seven, null)),
                DoctrineCheck.CEO_INTERRUPTS);
        assertThat(found)
                .extracting(Violation::subject)
                .hasSize(2)
                .anyMatch(s -> s.equals("week:2026-W10"))
                .anyMatch(s -> s.startsWith("interrupt:"));
        assertThat(found).allSatisfy(v -> assertThat(v.action()).isEqualTo(CEO.get(phase)));
        assertThat(DoctrineCheck.allowedReason(DOCTRINE.rule("ceo_interrupts"), List.of("critical relationship risk")))
                .isEqualTo("reputation_risk");
        assertThat(DoctrineCheck.allowedReason(
                        DOCTRINE.rule("ceo_interrupts"), List.of("SOP change saving 60000/month exceeds 50000")))
                .isEqualTo("strategic_process_change");
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void aWeekWithoutItsAutomationReviewIsAViolation(Phase phase) {
        assertThat(of(
                        DoctrineCheck.evaluate(DOCTRINE, phase, week(List.of(), List.of(), List.of(), true)),
                        DoctrineCheck.WEEKLY_AUTOMATION_REVIEW))
                .isEmpty();
        assertThat(of(
                        DoctrineCheck.evaluate(DOCTRINE, phase, week(List.of(), List.of(), List.of(), null)),
                        DoctrineCheck.WEEKLY_AUTOMATION_REVIEW))
                .as("no full week yet")
                .isEmpty();
        List<Violation> found = of(
                DoctrineCheck.evaluate(DOCTRINE, phase, week(List.of(), List.of(), List.of(), false)),
                DoctrineCheck.WEEKLY_AUTOMATION_REVIEW);
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.subject()).isEqualTo("week:2026-W09");
            assertThat(v.action())
                    .isEqualTo(DOCTRINE.rule(DoctrineCheck.WEEKLY_AUTOMATION_REVIEW)
                            .actionIn(phase));
        });
    }
}

package com.bigbox.autonomic.improvement.doctrine;

import com.bigbox.autonomic.improvement.facts.ImprovementFacts.CeoInterrupt;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ManualTask;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.UnrecordedWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The doctrine's rules as a pure function of one week's facts and the phase: which rules were broken and
 * what the phase says to do about each. Under {@link RuleAction#REQUIRE_JUSTIFICATION}, work that carries
 * a justification breaks nothing.
 */
public final class DoctrineCheck {
    public static final String NO_WORK_WITHOUT_EVENT = "no_work_without_event";
    public static final String MANUAL_TASK_CREATION = "manual_task_creation";
    public static final String CEO_INTERRUPTS = "ceo_interrupts";
    public static final String WEEKLY_AUTOMATION_REVIEW = "weekly_automation_review";

    /** A broken rule: what it was about, why, what the phase does, and the events that show it. */
    public record Violation(String rule, String subject, String detail, RuleAction action, List<UUID> evidence) {}

    /**
     * The week's facts.
     *
     * @param previousWeekReviewed whether last week's automation review was held (null before the first full week)
     */
    public record WeekFacts(
            String week,
            List<UnrecordedWork> unrecordedWork,
            List<ManualTask> manualTasks,
            List<CeoInterrupt> ceoInterrupts,
            String previousWeek,
            @Nullable Boolean previousWeekReviewed) {}

    private DoctrineCheck() {}

    /** Every broken rule of the week, rule by rule in the doctrine's order. */
    public static List<Violation> evaluate(Doctrine doctrine, Phase phase, WeekFacts facts) {
        var violations = new ArrayList<Violation>();
        violations.addAll(unrecordedWork(doctrine.rule(NO_WORK_WITHOUT_EVENT), phase, facts));
        violations.addAll(manualTasks(doctrine.rule(MANUAL_TASK_CREATION), phase, facts));
        violations.addAll(ceoInterrupts(doctrine.rule(CEO_INTERRUPTS), phase, facts));
        if (Boolean.FALSE.equals(facts.previousWeekReviewed())) {
            violations.add(new Violation(
                    WEEKLY_AUTOMATION_REVIEW,
                    "week:" + facts.previousWeek(),
                    "no automation review was held for " + facts.previousWeek(),
                    doctrine.rule(WEEKLY_AUTOMATION_REVIEW).actionIn(phase),
                    List.of()));
        }
        return violations;
    }

    // Work completed that was never created as an event.
    private static List<Violation> unrecordedWork(Doctrine.Rule noWork, Phase phase, WeekFacts facts) {
        var violations = new ArrayList<Violation>();
        RuleAction noWorkAction = noWork.actionIn(phase);
        for (UnrecordedWork w : facts.unrecordedWork()) {
            if (noWorkAction == RuleAction.REQUIRE_JUSTIFICATION && justified(w.justification())) {
                continue;
            }
            violations.add(new Violation(
                    NO_WORK_WITHOUT_EVENT,
                    "task:" + w.taskId(),
                    "task " + w.taskId() + " was completed by " + w.completedBy() + " but never created as an event",
                    noWorkAction,
                    List.of(w.eventId())));
        }
        return violations;
    }

    // The same kind of task created by hand again and again: work to automate.
    private static List<Violation> manualTasks(Doctrine.Rule manual, Phase phase, WeekFacts facts) {
        var violations = new ArrayList<Violation>();
        RuleAction manualAction = manual.actionIn(phase);
        int repeat = manual.repeatThreshold() == null ? 2 : manual.repeatThreshold();
        Map<String, List<ManualTask>> byKind = facts.manualTasks().stream()
                .collect(Collectors.groupingBy(ManualTask::kind, TreeMap::new, Collectors.toList()));
        for (var kind : byKind.entrySet()) {
            List<ManualTask> counted = manualAction == RuleAction.REQUIRE_JUSTIFICATION
                    ? kind.getValue().stream()
                            .filter(t -> !justified(t.justification()))
                            .toList()
                    : kind.getValue();
            if (counted.size() >= repeat) {
                violations.add(new Violation(
                        MANUAL_TASK_CREATION,
                        "kind:" + kind.getKey(),
                        String.format(
                                Locale.ROOT,
                                "%d manual '%s' tasks in %s%s",
                                counted.size(),
                                kind.getKey(),
                                facts.week(),
                                manualAction == RuleAction.REQUIRE_JUSTIFICATION ? " without a justification" : ""),
                        manualAction,
                        counted.stream().map(ManualTask::eventId).toList()));
            }
        }
        return violations;
    }

    // Too many CEO interrupts in the week, and each interrupt for none of the allowed reasons.
    private static List<Violation> ceoInterrupts(Doctrine.Rule ceo, Phase phase, WeekFacts facts) {
        var violations = new ArrayList<Violation>();
        RuleAction ceoAction = ceo.actionIn(phase);
        int max = ceo.maxPerWeek() == null ? 7 : ceo.maxPerWeek();
        if (facts.ceoInterrupts().size() >= max) {
            violations.add(new Violation(
                    CEO_INTERRUPTS,
                    "week:" + facts.week(),
                    facts.ceoInterrupts().size() + " CEO interrupts in " + facts.week()
                            + " (the doctrine allows fewer than " + max + ")",
                    ceoAction,
                    facts.ceoInterrupts().stream().map(CeoInterrupt::eventId).toList()));
        }
        for (CeoInterrupt interrupt : facts.ceoInterrupts()) {
            if (allowedReason(ceo, interrupt.reasons()) == null) {
                violations.add(new Violation(
                        CEO_INTERRUPTS,
                        "interrupt:" + interrupt.approvalId(),
                        "the CEO was interrupted for " + interrupt.reasons() + ", none of the allowed reasons "
                                + ceo.allowedReasons().keySet(),
                        ceoAction,
                        List.of(interrupt.eventId())));
            }
        }
        return violations;
    }

    /** The allowed reason an interrupt's reasons name, or null. */
    public static @Nullable String allowedReason(Doctrine.Rule ceo, List<String> reasons) {
        for (var allowed : ceo.allowedReasons().entrySet()) {
            String marker = allowed.getValue().toLowerCase(Locale.ROOT);
            if (reasons.stream()
                    .anyMatch(r -> r != null && r.toLowerCase(Locale.ROOT).contains(marker))) {
                return allowed.getKey();
            }
        }
        return null;
    }

    private static boolean justified(String justification) {
        return justification != null && !justification.isBlank();
    }
}

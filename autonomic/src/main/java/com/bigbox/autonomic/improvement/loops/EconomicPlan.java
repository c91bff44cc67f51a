package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.SopRun;
import com.bigbox.autonomic.sop.SopDocument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@link EconomicController}'s pure analysis of one SOP: its latest full batch of runs against its targets (cost, cycle
 * time, automation rate), as the signals to record. No database, no clock: the loop gathers the runs and records what
 * this returns.
 */
public final class EconomicPlan {
    /** What the controller knows of one SOP: its targets and its runs, oldest first. */
    public record SopAccount(String sopId, SopDocument.Metrics targets, List<SopRun> runs, int executionsPerWeek) {}

    /** The judged batch: its runs' averages, its runs as evidence, and the executions a month a saving counts. */
    private record Batch(
            String sopId, List<UUID> evidence, double cost, double cycle, double automation, int perMonth) {}

    private EconomicPlan() {}

    /** The batch judged: the last full batch of {@code every} runs, numbered from 1; 0 when there is none yet. */
    public static int batch(int runs, int every) {
        return runs / every;
    }

    /** The analysis of the SOP's latest full batch of runs. */
    public static List<ImprovementEvent> plan(SopAccount sop, Doctrine.EconomicBounds bounds) {
        int batch = batch(sop.runs().size(), bounds.everyExecutions());
        if (batch == 0 || sop.targets() == null) {
            return List.of();
        }
        List<SopRun> judged =
                sop.runs().subList((batch - 1) * bounds.everyExecutions(), batch * bounds.everyExecutions());
        var b = new Batch(
                sop.sopId(),
                judged.stream().map(SopRun::executionId).toList(),
                judged.stream()
                        .mapToDouble(r -> r.cost() == null ? 0 : r.cost().doubleValue())
                        .average()
                        .orElse(0),
                judged.stream().mapToDouble(SopRun::cycleTimeHours).average().orElse(0),
                judged.stream().mapToDouble(SopRun::automationRate).average().orElse(0),
                sop.executionsPerWeek() * bounds.weeksPerMonth());
        SopDocument.Metrics t = sop.targets();
        var signals = new ArrayList<ImprovementEvent>();
        if (t.costPerExecutionTarget() != null
                && b.cost() > t.costPerExecutionTarget().doubleValue()) {
            signals.add(overCost(b, t.costPerExecutionTarget().doubleValue(), bounds));
        }
        if (t.cycleTimeTargetHours() != null && b.cycle() > t.cycleTimeTargetHours() * bounds.cycleTimeSlippage()) {
            signals.add(slowCycle(b, t.cycleTimeTargetHours(), bounds));
        }
        if (t.automationRateTarget() != null && b.automation() < t.automationRateTarget()) {
            signals.add(underAutomated(b, t.automationRateTarget()));
        }
        return signals;
    }

    // Over the cost target by more than the doctrine's overrun: margin erosion, a person looks; over at all: a leak.
    private static ImprovementEvent overCost(Batch b, double target, Doctrine.EconomicBounds bounds) {
        BigDecimal monthly = money((b.cost() - target) * b.perMonth());
        if (b.cost() > target * bounds.costOverrun()) {
            return new ImprovementEvent.MarginErosionDetected(
                    b.sopId(),
                    money(b.cost()),
                    money(target),
                    monthly,
                    b.evidence().size(),
                    true,
                    b.evidence());
        }
        return new ImprovementEvent.SopOptimizationRecommended(
                b.sopId(),
                "cost",
                String.format(
                        Locale.ROOT,
                        "costs %.2f an execution against a target of %.2f: a margin leak",
                        b.cost(),
                        target),
                round(b.cost()),
                target,
                monthly,
                b.evidence().size(),
                b.evidence());
    }

    // Slower than the cycle-time target by more than the doctrine's slippage: simplify it.
    private static ImprovementEvent slowCycle(Batch b, double target, Doctrine.EconomicBounds bounds) {
        return new ImprovementEvent.SopOptimizationRecommended(
                b.sopId(),
                "cycle_time",
                String.format(
                        Locale.ROOT,
                        "simplify: cycle time %.1f h is over %.1f × the %.1f h target",
                        b.cycle(),
                        bounds.cycleTimeSlippage(),
                        target),
                round(b.cycle()),
                target,
                BigDecimal.ZERO.setScale(2),
                b.evidence().size(),
                b.evidence());
    }

    // Less automated than its target: automate its manual and assisted steps.
    private static ImprovementEvent underAutomated(Batch b, double target) {
        // What the people's share of the work costs beyond the target's share, a month.
        double personCost = b.cost() * (target - b.automation()) / Math.max(0.01, 1 - b.automation());
        return new ImprovementEvent.SopOptimizationRecommended(
                b.sopId(),
                "automation_rate",
                String.format(
                        Locale.ROOT,
                        "automate its manual and assisted steps: automation %.0f%% is below the %.0f%% target",
                        100 * b.automation(),
                        100 * target),
                round(b.automation()),
                target,
                money(personCost * b.perMonth()),
                b.evidence().size(),
                b.evidence());
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(Math.max(0, v)).setScale(2, RoundingMode.HALF_UP);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

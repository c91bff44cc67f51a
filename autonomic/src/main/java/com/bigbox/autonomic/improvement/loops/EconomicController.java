package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ManualTask;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.SopRun;
import com.bigbox.autonomic.sop.SopDocument;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The economic controller (daily, judging each SOP once per 10 completed executions): the latest batch's
 * cost against its target (over by more than 20%: {@code MARGIN_EROSION_DETECTED}, a person looks at
 * it; over at all: a margin leak), its cycle time against 1.2 × target, its automation rate against its
 * target (85% for lead intake) → {@code SOP_OPTIMIZATION_RECOMMENDED} with the savings a month:
 * (actual − target cost) × executions a week × 4. With them the original's economics ({@link AutomationEconomics}):
 * automation opportunities in recurring manual work, and every month's return on investment.
 */
public final class EconomicController implements ControlLoop {
    public static final String NAME = "economic";

    /** What the controller knows of one SOP: its targets and its runs, oldest first. */
    public record SopAccount(String sopId, SopDocument.Metrics targets, List<SopRun> runs, int executionsPerWeek) {}

    private final Doctrine doctrine;
    private final ImprovementFacts facts;
    private final SopStore sops;
    private final AgentCatalog agents;
    private final LoopActions actions;

    public EconomicController(
            Doctrine doctrine, ImprovementFacts facts, SopStore sops, AgentCatalog agents, LoopActions actions) {
        this.doctrine = doctrine;
        this.facts = facts;
        this.sops = sops;
        this.agents = agents;
        this.actions = actions;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The batch judged: the last full batch of {@code every} runs, numbered from 1; 0 when there is none yet. */
    public static int batch(int runs, int every) {
        return runs / every;
    }

    /** The pure analysis of the SOP's latest full batch of runs. */
    public static List<ImprovementEvent> plan(SopAccount sop, Doctrine.EconomicBounds bounds) {
        int batch = batch(sop.runs().size(), bounds.everyExecutions());
        if (batch == 0 || sop.targets() == null) {
            return List.of();
        }
        List<SopRun> judged =
                sop.runs().subList((batch - 1) * bounds.everyExecutions(), batch * bounds.everyExecutions());
        var evidence = judged.stream().map(SopRun::executionId).toList();
        double cost = judged.stream()
                .mapToDouble(r -> r.cost() == null ? 0 : r.cost().doubleValue())
                .average()
                .orElse(0);
        double cycle =
                judged.stream().mapToDouble(SopRun::cycleTimeHours).average().orElse(0);
        double automation =
                judged.stream().mapToDouble(SopRun::automationRate).average().orElse(0);
        int perMonth = sop.executionsPerWeek() * bounds.weeksPerMonth();
        var signals = new ArrayList<ImprovementEvent>();
        SopDocument.Metrics t = sop.targets();
        if (t.costPerExecutionTarget() != null
                && cost > t.costPerExecutionTarget().doubleValue()) {
            double target = t.costPerExecutionTarget().doubleValue();
            BigDecimal monthly = money((cost - target) * perMonth);
            if (cost > target * bounds.costOverrun()) {
                signals.add(new ImprovementEvent.MarginErosionDetected(
                        sop.sopId(), money(cost), money(target), monthly, judged.size(), true, evidence));
            } else {
                signals.add(new ImprovementEvent.SopOptimizationRecommended(
                        sop.sopId(),
                        "cost",
                        String.format(
                                Locale.ROOT,
                                "costs %.2f an execution against a target of %.2f: a margin leak",
                                cost,
                                target),
                        round(cost),
                        target,
                        monthly,
                        judged.size(),
                        evidence));
            }
        }
        if (t.cycleTimeTargetHours() != null && cycle > t.cycleTimeTargetHours() * bounds.cycleTimeSlippage()) {
            signals.add(new ImprovementEvent.SopOptimizationRecommended(
                    sop.sopId(),
                    "cycle_time",
                    String.format(
                            Locale.ROOT,
                            "simplify: cycle time %.1f h is over %.1f × the %.1f h target",
                            cycle,
                            bounds.cycleTimeSlippage(),
                            t.cycleTimeTargetHours()),
                    round(cycle),
                    t.cycleTimeTargetHours(),
                    BigDecimal.ZERO.setScale(2),
                    judged.size(),
                    evidence));
        }
        if (t.automationRateTarget() != null && automation < t.automationRateTarget()) {
            // What the people's share of the work costs beyond the target's share, a month.
            double personCost = cost * (t.automationRateTarget() - automation) / Math.max(0.01, 1 - automation);
            signals.add(new ImprovementEvent.SopOptimizationRecommended(
                    sop.sopId(),
                    "automation_rate",
                    String.format(
                            Locale.ROOT,
                            "automate its manual and assisted steps: automation %.0f%% is below the %.0f%% target",
                            100 * automation,
                            100 * t.automationRateTarget()),
                    round(automation),
                    t.automationRateTarget(),
                    money(personCost * perMonth),
                    judged.size(),
                    evidence));
        }
        return signals;
    }

    @Override
    public LoopRun run(UnitOfWork work, Instant now) {
        LoopActions pass = actions.pass();
        Doctrine.EconomicBounds bounds = doctrine.loops().economic();
        List<SopRun> all = facts.completedRuns(work, Instant.EPOCH);
        Instant weekAgo = now.minus(Duration.ofDays(7));
        for (SopVersion version : sops.activeVersions(work)) {
            List<SopRun> runs = all.stream()
                    .filter(r -> r.sopId().equals(version.sopId()))
                    .sorted(Comparator.comparing(SopRun::completedAt))
                    .toList();
            int perWeek = (int)
                    runs.stream().filter(r -> r.completedAt().isAfter(weekAgo)).count();
            var account = new SopAccount(version.sopId(), version.document().metrics(), runs, perWeek);
            int batch = batch(runs.size(), bounds.everyExecutions());
            for (ImprovementEvent signal : plan(account, bounds)) {
                String type = signal instanceof ImprovementEvent.MarginErosionDetected
                        ? EventTypes.MARGIN_EROSION_DETECTED
                        : EventTypes.SOP_OPTIMIZATION_RECOMMENDED;
                String metric = signal instanceof ImprovementEvent.SopOptimizationRecommended o ? o.metric() : "cost";
                RecordedEvent stored = pass.record(
                        work,
                        StreamId.of("SOP", version.sopId()),
                        type,
                        signal,
                        LoopActions.idOf(NAME, version.sopId(), Integer.toString(batch), metric),
                        NAME,
                        Map.of("batch", batch, "sop_version", version.version()),
                        now);
                if (stored != null && signal instanceof ImprovementEvent.MarginErosionDetected m) {
                    pass.escalate(
                            work,
                            stored,
                            ActionClasses.IMPROVEMENT_REVIEW,
                            "manager",
                            "high",
                            false,
                            "review the cost of SOP " + m.sopId(),
                            List.of("cost " + m.actualCost() + " against a target of " + m.targetCost()
                                    + " an execution; " + m.monthlyLoss() + " a month"),
                            Map.of("sop_id", m.sopId()));
                }
            }
        }
        economics(work, pass, bounds, all, now);
        return pass.report(NAME);
    }

    // Automation opportunities (at most once a month per kind) and, once a month is over, its return on investment.
    private void economics(
            UnitOfWork work, LoopActions pass, Doctrine.EconomicBounds bounds, List<SopRun> runs, Instant now) {
        Doctrine.CoverageBounds coverage = doctrine.loops().coverage();
        List<String> names = agents.all().stream().map(AgentDefinition::name).toList();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<ManualTask> tasks = facts.manualTasks(work, names, now.minus(Duration.ofDays(coverage.windowDays())));
        for (var o : AutomationEconomics.opportunities(tasks, coverage, bounds)) {
            pass.record(
                    work,
                    StreamId.of("IMPROVEMENT", "opportunity:" + o.taskKind()),
                    EventTypes.AUTOMATION_OPPORTUNITY_DETECTED,
                    o,
                    LoopActions.idOf(NAME, "opportunity", o.taskKind(), month.toString()),
                    NAME,
                    Map.of("month", month.toString()),
                    now);
        }
        YearMonth last = month.minusMonths(1);
        Instant from = last.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ExecutedDecision> executed = facts.executedDecisions(work, names, from);
        if (executed.stream()
                .anyMatch(e -> e.at().isBefore(
                                month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            var roi = AutomationEconomics.roi(last, executed, runs, coverage, bounds);
            pass.record(
                    work,
                    StreamId.of("IMPROVEMENT", "roi:" + last),
                    EventTypes.AUTOMATION_ROI_CALCULATED,
                    roi,
                    LoopActions.idOf(NAME, "roi", last.toString()),
                    NAME,
                    Map.of("month", last.toString()),
                    now);
        }
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(Math.max(0, v)).setScale(2, RoundingMode.HALF_UP);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

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
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The economic controller (daily, judging each SOP once per 10 completed executions): the latest batch's
 * cost against its target (over by more than 20%: {@code MARGIN_EROSION_DETECTED}, a person looks at
 * it; over at all: a margin leak), its cycle time against 1.2 × target, its automation rate against its
 * target (85% for lead intake) → {@code SOP_OPTIMIZATION_RECOMMENDED} with the savings a month:
 * (actual − target cost) × executions a week × 4. With them the original's economics ({@link AutomationEconomics}):
 * automation opportunities in recurring manual work, and every month's return on investment. The analysis of a
 * SOP's batch is {@link EconomicPlan}, pure; this loop gathers the runs and records what it finds.
 */
public final class EconomicController implements ControlLoop {
    public static final String NAME = "economic";

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
            var account = new EconomicPlan.SopAccount(
                    version.sopId(), version.document().metrics(), runs, perWeek);
            int batch = EconomicPlan.batch(runs.size(), bounds.everyExecutions());
            for (ImprovementEvent signal : EconomicPlan.plan(account, bounds)) {
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
}

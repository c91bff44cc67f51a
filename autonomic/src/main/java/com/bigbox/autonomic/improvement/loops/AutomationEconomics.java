package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ManualTask;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.SopRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The original engine's economics the controller adds to its SOP batches. Recurring manual work worth automating:
 * a kind of task people did at least {@code opportunity_min_recurrences} times in the window, costing more than
 * {@code opportunity_min_monthly_cost} a month at the hourly rate → {@code AUTOMATION_OPPORTUNITY_DETECTED}. And once
 * a month, the automation's return on investment → {@code AUTOMATION_ROI_CALCULATED}: the people's time the
 * decisions that took effect alone saved, against what the automation cost — the SOPs' own costs and 15 minutes of
 * a person for every override — with the doctrine's check that it is above 200%.
 */
public final class AutomationEconomics {
    private AutomationEconomics() {}

    /** One opportunity per kind of manual task that recurs often enough and costs enough, over {@code windowDays}. */
    public static List<ImprovementEvent.AutomationOpportunityDetected> opportunities(
            List<ManualTask> tasks, Doctrine.CoverageBounds coverage, Doctrine.EconomicBounds bounds) {
        Map<String, List<ManualTask>> byKind =
                tasks.stream().collect(Collectors.groupingBy(ManualTask::kind, TreeMap::new, Collectors.toList()));
        var found = new ArrayList<ImprovementEvent.AutomationOpportunityDetected>();
        double months = Math.max(1.0, coverage.windowDays() / 30.0);
        for (var entry : byKind.entrySet()) {
            List<ManualTask> same = entry.getValue();
            double minutes = same.stream()
                    .mapToDouble(t -> t.minutes() == null ? coverage.defaultTaskMinutes() : t.minutes())
                    .sum();
            BigDecimal monthly = money(minutes / 60.0 * coverage.hourlyRate() / months);
            if (same.size() >= bounds.opportunityMinRecurrences()
                    && monthly.doubleValue() > bounds.opportunityMinMonthlyCost()) {
                found.add(new ImprovementEvent.AutomationOpportunityDetected(
                        entry.getKey(),
                        same.size(),
                        coverage.windowDays(),
                        round(minutes / 60.0 / months),
                        monthly,
                        same.stream().map(ManualTask::eventId).toList()));
            }
        }
        return found;
    }

    /**
     * The return on investment of {@code month}: value = decisions that took effect alone × the minutes a person would
     * have spent on each × the hourly rate; cost = the SOPs' costs + overrides × 15 minutes × the hourly rate;
     * ROI = (value − cost) ÷ cost.
     */
    public static ImprovementEvent.AutomationRoiCalculated roi(
            YearMonth month,
            List<ExecutedDecision> executed,
            List<SopRun> runs,
            Doctrine.CoverageBounds coverage,
            Doctrine.EconomicBounds bounds) {
        List<ExecutedDecision> inMonth =
                executed.stream().filter(e -> in(month, e.at())).toList();
        long overrides = inMonth.stream().filter(ExecutedDecision::overridden).count();
        BigDecimal sopCost = runs.stream()
                .filter(r -> in(month, r.completedAt()) && r.cost() != null)
                .map(SopRun::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal value = money(inMonth.size() * bounds.decisionMinutes() / 60.0 * coverage.hourlyRate());
        BigDecimal overrideCost = money(overrides * bounds.overrideMinutes() / 60.0 * coverage.hourlyRate());
        BigDecimal cost = sopCost.add(overrideCost);
        Double roi = cost.signum() == 0 ? null : round(value.subtract(cost).doubleValue() / cost.doubleValue());
        return new ImprovementEvent.AutomationRoiCalculated(
                month.toString(),
                inMonth.size(),
                overrides,
                value,
                sopCost,
                overrideCost,
                roi,
                bounds.roiTarget(),
                roi != null && roi > bounds.roiTarget(),
                inMonth.stream()
                        .filter(ExecutedDecision::overridden)
                        .map(ExecutedDecision::decisionEventId)
                        .limit(100)
                        .toList());
    }

    private static boolean in(YearMonth month, Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).equals(month);
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

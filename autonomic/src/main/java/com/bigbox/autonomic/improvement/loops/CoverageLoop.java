package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ManualTask;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.RaisedSignal;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Coverage (daily): tasks people create by hand are work the engine does not cover. The same kind (its
 * reason tag) twice in the window is an automation gap, {@code AUTOMATION_GAP_DETECTED} with how often it
 * happened and what it costs a week at the doctrine's hourly rate, and an SOP review due within 7 days
 * (its {@code review_due_at}; the weekly review lists it as overdue until someone acknowledges it). Once
 * acknowledged, only new tasks of that kind can make the next gap.
 */
public final class CoverageLoop implements ControlLoop {
    public static final String NAME = "coverage";

    private final Doctrine doctrine;
    private final ImprovementFacts facts;
    private final AgentCatalog agents;
    private final LoopActions actions;

    public CoverageLoop(Doctrine doctrine, ImprovementFacts facts, AgentCatalog agents, LoopActions actions) {
        this.doctrine = doctrine;
        this.facts = facts;
        this.agents = agents;
        this.actions = actions;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The pure analysis: one gap per kind of manual task repeated, unless a gap of that kind is still open;
     * after a gap of that kind was raised, only the tasks since count.
     *
     * @param gaps earlier gaps by task kind
     */
    public static List<ImprovementEvent.AutomationGapDetected> plan(
            List<ManualTask> tasks,
            Map<String, RaisedSignal> earlierGaps,
            Doctrine.CoverageBounds bounds,
            Instant now) {
        Map<String, List<ManualTask>> byKind = tasks.stream()
                .filter(t -> !earlierGaps.containsKey(t.kind())
                        || t.at().isAfter(earlierGaps.get(t.kind()).lastRaisedAt()))
                .collect(Collectors.groupingBy(ManualTask::kind, TreeMap::new, Collectors.toList()));
        var gaps = new ArrayList<ImprovementEvent.AutomationGapDetected>();
        for (var entry : byKind.entrySet()) {
            List<ManualTask> same = entry.getValue();
            RaisedSignal earlier = earlierGaps.get(entry.getKey());
            if (same.size() < bounds.repeatCount() || earlier != null && earlier.open()) {
                continue;
            }
            Instant first =
                    same.stream().map(ManualTask::at).min(Instant::compareTo).orElse(now);
            double weeks = Math.max(1.0, Duration.between(first, now).toHours() / (24.0 * 7));
            double minutes = same.stream()
                    .mapToDouble(t -> t.minutes() == null ? bounds.defaultTaskMinutes() : t.minutes())
                    .sum();
            double hoursPerWeek = Math.round(minutes / 60.0 / weeks * 100) / 100.0;
            BigDecimal cost =
                    BigDecimal.valueOf(hoursPerWeek * bounds.hourlyRate()).setScale(2, RoundingMode.HALF_UP);
            gaps.add(new ImprovementEvent.AutomationGapDetected(
                    entry.getKey(),
                    same.size(),
                    hoursPerWeek,
                    cost,
                    now.plus(Duration.ofDays(bounds.reviewDueDays())),
                    same.stream().map(ManualTask::eventId).toList()));
        }
        return gaps;
    }

    @Override
    public LoopRun run(UnitOfWork work, Instant now) {
        LoopActions pass = actions.pass();
        Doctrine.CoverageBounds bounds = doctrine.loops().coverage();
        List<ManualTask> tasks = facts.manualTasks(
                work,
                agents.all().stream().map(AgentDefinition::name).toList(),
                now.minus(Duration.ofDays(bounds.windowDays())));
        Map<String, RaisedSignal> gaps = facts.raisedSignals(work).stream()
                .filter(s -> s.eventType().equals(EventTypes.AUTOMATION_GAP_DETECTED))
                .collect(Collectors.toMap(RaisedSignal::subject, s -> s));
        for (ImprovementEvent.AutomationGapDetected gap : plan(tasks, gaps, bounds, now)) {
            var change = new LinkedHashMap<String, Object>();
            change.put("before", Map.of("covered", false));
            change.put("after", Map.of("review_due_at", gap.reviewDueAt().toString()));
            pass.record(
                    work,
                    StreamId.of("IMPROVEMENT", "gap:" + gap.taskKind()),
                    EventTypes.AUTOMATION_GAP_DETECTED,
                    gap,
                    LoopActions.idOf(
                            NAME,
                            gap.taskKind(),
                            Integer.toString(gap.occurrences()),
                            gap.evidence().getLast().toString()),
                    NAME,
                    change,
                    now);
        }
        return pass.report(NAME);
    }
}

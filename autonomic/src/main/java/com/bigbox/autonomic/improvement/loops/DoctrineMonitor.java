package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.DoctrineCheck;
import com.bigbox.autonomic.improvement.doctrine.GoLive;
import com.bigbox.autonomic.improvement.doctrine.Phase;
import com.bigbox.autonomic.improvement.doctrine.RuleAction;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.review.ReviewWeek;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The doctrine's rules over the current week (daily): each broken rule becomes
 * {@code DOCTRINE_VIOLATION_RECORDED} with the phase and the action the phase takes — warned,
 * justification_required, or escalated (and then an approval for a person). A violation is recorded once
 * a week per rule and subject.
 */
public final class DoctrineMonitor implements ControlLoop {
    public static final String NAME = "doctrine";

    private final Doctrine doctrine;
    private final ImprovementFacts facts;
    private final AgentCatalog agents;
    private final GoLive goLive;
    private final LoopActions actions;

    public DoctrineMonitor(
            Doctrine doctrine, ImprovementFacts facts, AgentCatalog agents, GoLive goLive, LoopActions actions) {
        this.doctrine = doctrine;
        this.facts = facts;
        this.agents = agents;
        this.goLive = goLive;
        this.actions = actions;
    }

    @Override
    public String name() {
        return NAME;
    }

    public static String taken(RuleAction action) {
        return switch (action) {
            case WARN -> "warned";
            case REQUIRE_JUSTIFICATION -> "justification_required";
            case ESCALATE -> "escalated";
        };
    }

    @Override
    public LoopRun run(UnitOfWork work, Instant now) {
        LoopActions pass = actions.pass();
        LocalDate live = goLive.date(work, facts, now);
        Phase phase = doctrine.phaseAt(live, now);
        int week = Doctrine.weekSince(live, now);
        ReviewWeek current = ReviewWeek.of(now);
        ReviewWeek previous = current.previous();
        // A week is owed a review once it was a full week of the live agency and a day has passed for it.
        Instant liveStart = live.atStartOfDay(ZoneOffset.UTC).toInstant();
        Boolean reviewed = previous.start().isBefore(liveStart)
                        || now.isBefore(previous.end().plus(java.time.Duration.ofDays(1)))
                ? null
                : facts.reviewedWeeks(work).contains(previous.toString());
        List<String> names = agents.all().stream().map(AgentDefinition::name).toList();
        var weekFacts = new DoctrineCheck.WeekFacts(
                current.toString(),
                facts.unrecordedWork(work, current.start()),
                facts.manualTasks(work, names, current.start()),
                facts.ceoInterrupts(work, current.start(), current.end()),
                previous.toString(),
                reviewed);
        for (DoctrineCheck.Violation v : DoctrineCheck.evaluate(doctrine, phase, weekFacts)) {
            var event = new ImprovementEvent.DoctrineViolationRecorded(
                    v.rule(),
                    phase.wireName(),
                    week,
                    taken(v.action()),
                    v.subject(),
                    v.detail(),
                    doctrine.version(),
                    v.evidence());
            RecordedEvent stored = pass.record(
                    work,
                    StreamId.of("IMPROVEMENT", "doctrine:" + v.rule()),
                    EventTypes.DOCTRINE_VIOLATION_RECORDED,
                    event,
                    LoopActions.idOf(NAME, v.rule(), v.subject(), current.toString()),
                    NAME,
                    Map.of("phase", phase.wireName(), "action", taken(v.action())),
                    now);
            if (stored != null && v.action() == RuleAction.ESCALATE) {
                pass.escalate(
                        work,
                        stored,
                        ActionClasses.IMPROVEMENT_REVIEW,
                        "manager",
                        "medium",
                        false,
                        "doctrine: " + v.rule(),
                        List.of(v.detail()),
                        Map.of("rule", v.rule(), "phase", phase.wireName()));
            }
        }
        return pass.report(NAME);
    }
}

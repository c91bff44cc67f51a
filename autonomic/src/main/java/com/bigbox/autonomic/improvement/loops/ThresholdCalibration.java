package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.events.AgentEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.Adjustment;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.AutonomyChange;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.ThresholdChange;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Threshold calibration (daily): per agent and decision type, what people did with its decisions since the
 * setting last changed. People agreeing almost always with the escalations just below its threshold (the band one step
 * wide) → lower the threshold a step; people overriding too many of the decisions at or above it (those
 * that took effect alone and were corrected later, or that a person saw anyway) → raise it, or demote an
 * autonomous agent, or at the top of the range demote it to supervised; a long, clean record → promote
 * its autonomy. Thresholds are calibrated per decision type (a type with too little evidence of its own
 * is judged with the others at the agent's threshold); autonomy over all the agent's decisions. Counting only
 * since the last
 * change means one body of evidence moves a setting once. The analysis is {@link ThresholdPlan}, pure; this loop
 * gathers its facts and applies what it decides.
 */
public final class ThresholdCalibration implements ControlLoop {
    public static final String NAME = "threshold";

    private final Doctrine doctrine;
    private final ImprovementFacts facts;
    private final AgentCatalog agents;
    private final LoopActions actions;

    public ThresholdCalibration(Doctrine doctrine, ImprovementFacts facts, AgentCatalog agents, LoopActions actions) {
        this.doctrine = doctrine;
        this.facts = facts;
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
        Instant windowStart =
                now.minus(Duration.ofDays(doctrine.loops().threshold().windowDays()));
        List<String> names = agents.all().stream().map(AgentDefinition::name).toList();
        List<ApprovalOutcome> outcomes = facts.approvalOutcomes(work, names, windowStart);
        List<ExecutedDecision> executed = facts.executedDecisions(work, names, windowStart);
        for (String agent : names) {
            var history = SettingsHistory.of(work.readStream(AgentCatalog.stream(agent), 1), windowStart);
            AgentSettings settings = agents.settings(work, agent);
            for (Adjustment adjustment :
                    ThresholdPlan.plan(agent, settings, outcomes, executed, doctrine, history.since())) {
                execute(work, pass, adjustment, now, history.versionFor(adjustment));
            }
        }
        return pass.report(NAME);
    }

    private void execute(UnitOfWork work, LoopActions pass, Adjustment adj, Instant now, long settingsVersion) {
        // The id names the agent's settings version (of the scope changed): the same evidence never applies twice.
        String type = adj instanceof ThresholdChange t ? t.decisionType() : null;
        UUID id = type == null
                ? LoopActions.idOf(NAME, adj.agentId(), adj.setting(), adj.after(), Long.toString(settingsVersion))
                : LoopActions.idOf(
                        NAME, adj.agentId(), adj.setting(), type, adj.after(), Long.toString(settingsVersion));
        if (adj.withinBounds()) {
            apply(work, pass, adj, id, now);
        } else {
            propose(work, pass, adj, type, id, now);
        }
    }

    // Beyond the doctrine's bounds: the change is proposed on the agent's stream and a person approves it first.
    private static void propose(
            UnitOfWork work, LoopActions pass, Adjustment adj, @Nullable String type, UUID id, Instant now) {
        var proposal = new ImprovementEvent.AgentChangeProposed(
                adj.agentId(), adj.setting(), adj.before(), adj.after(), adj.reason(), NAME, cap(adj.evidence()), type);
        RecordedEvent proposed = pass.record(
                work,
                AgentCatalog.stream(adj.agentId()),
                EventTypes.AGENT_CHANGE_PROPOSED,
                proposal,
                id,
                NAME,
                change(adj),
                now);
        if (proposed != null) {
            pass.escalate(
                    work,
                    proposed,
                    ActionClasses.AGENT_CHANGE,
                    "manager",
                    "medium",
                    false,
                    describe(adj),
                    List.of(adj.reason()),
                    change(adj));
        }
    }

    // Within the doctrine's bounds: the loop changes the setting itself.
    private static void apply(UnitOfWork work, LoopActions pass, Adjustment adj, UUID id, Instant now) {
        AgentEvent event = switch (adj) {
            case ThresholdChange t ->
                new AgentEvent.ThresholdChanged(
                        t.agentId(), t.to(), t.reason(), LoopActions.emitter(NAME), t.decisionType());
            case AutonomyChange c ->
                new AgentEvent.AutonomyChanged(c.agentId(), c.to().wireName(), c.reason(), LoopActions.emitter(NAME));
        };
        var metadata = new LinkedHashMap<String, Object>(change(adj));
        metadata.put("loop", NAME);
        metadata.put("evidence", cap(adj.evidence()));
        pass.append(
                work,
                AgentCatalog.stream(adj.agentId()),
                new NewEvent(
                        id,
                        EventCodec.typeOf(event),
                        EventCodec.payload(event),
                        EventCodec.write(metadata),
                        null,
                        null,
                        LoopActions.emitter(NAME),
                        null,
                        now));
    }

    private static String describe(Adjustment adj) {
        String of = adj instanceof ThresholdChange t && t.decisionType() != null ? " of " + t.decisionType() : "";
        return adj.setting() + of + " " + adj.before() + " -> " + adj.after();
    }

    static Map<String, Object> change(Adjustment adj) {
        var m = new LinkedHashMap<String, Object>();
        m.put("agent_id", adj.agentId());
        m.put("setting", adj.setting());
        // Not "decision_type": an approval's context uses that name for the proposal's own event type.
        if (adj instanceof ThresholdChange t && t.decisionType() != null) {
            m.put("for_decision_type", t.decisionType());
        }
        m.put("before", adj.before());
        m.put("after", adj.after());
        m.put("reason", adj.reason());
        return m;
    }

    static List<UUID> cap(List<UUID> evidence) {
        return evidence.size() <= 100 ? evidence : evidence.subList(0, 100);
    }
}

package com.bigbox.app.simulation;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.events.AgentEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.flow.Gate;
import com.bigbox.autonomic.oversight.OversightAgent;
import com.bigbox.core.EventStore;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the run's whole log into what the weekly figures count: the figures come from the events the
 * engine stored, never from the simulation's own bookkeeping. Only the truth a decision is judged by comes
 * from the agency.
 */
final class LogReader {
    private final EventStore store;
    private final AgentCatalog agents;
    private final Function<UUID, LeadCase> leadOfFlow;
    private final DecisionTruth truth;

    LogReader(EventStore store, AgentCatalog agents, Function<UUID, LeadCase> leadOfFlow, DecisionTruth truth) {
        this.store = store;
        this.agents = agents;
        this.leadOfFlow = leadOfFlow;
        this.truth = truth;
    }

    /** Every agent's settings before anything changed them: its defaults. */
    Map<String, WeekFigures.AgentState> initialAgents() {
        var initial = new TreeMap<String, WeekFigures.AgentState>();
        for (AgentDefinition d : agents.all()) {
            if (!d.name().equals(OversightAgent.DEFINITION.name())) {
                initial.put(d.name(), state(d.defaults()));
            }
        }
        return initial;
    }

    List<Observation> read() {
        Gate gate = agents.gate();
        var decisions = new HashMap<UUID, RecordedEvent>();
        var settings = new HashMap<String, AgentSettings>();
        var observations = new ArrayList<Observation>();
        Position cursor = Position.START;
        while (true) {
            List<RecordedEvent> batch = store.readAll(cursor, 2000);
            if (batch.isEmpty()) {
                return observations;
            }
            for (RecordedEvent e : batch) {
                cursor = e.position();
                if (gate.isDecision(e)) {
                    decisions.put(e.eventId(), e);
                    continue;
                }
                JsonNode p = EventCodec.tree(e.payload());
                if (byPerson(e, p, decisions)) {
                    continue;
                }
                observe(e, p, decisions, settings, observations);
            }
        }
    }

    // What one event other than a decision or a person's own act says: its observation(s), if it is counted.
    private void observe(
            RecordedEvent e,
            JsonNode p,
            Map<UUID, RecordedEvent> decisions,
            Map<String, AgentSettings> settings,
            List<Observation> observations) {
        switch (e.type()) {
            case EventTypes.AUTONOMIC_DECISION_EXECUTED -> {
                observations.add(gated(e, p, Observation.Route.EXECUTED, decisions));
                tookEffect(e, p, Observation.Unattended.ALONE, decisions).ifPresent(observations::add);
            }
            case EventTypes.APPROVED_BY_SILENCE ->
                tookEffect(e, p, Observation.Unattended.SILENCE, decisions).ifPresent(observations::add);
            case EventTypes.HUMAN_APPROVAL_REQUESTED ->
                observations.add(gated(e, p, Observation.Route.HUMAN, decisions));
            case EventTypes.CEO_INTERRUPT_REQUIRED -> observations.add(gated(e, p, Observation.Route.CEO, decisions));
            case EventTypes.HUMAN_APPROVAL_GRANTED, EventTypes.HUMAN_APPROVAL_REJECTED, EventTypes.HUMAN_OVERRIDE ->
                observations.add(new Observation.HumanDecision(e.timestamp(), e.type()));
            case EventTypes.AUTONOMIC_DECISION_OVERRIDDEN ->
                observations.add(new Observation.Override(
                        e.timestamp(), p.path("agent_id").asText()));
            case EventTypes.SOP_EXECUTION_COMPLETED -> {
                var done = EventCodec.decode(e, SopEvent.ExecutionCompleted.class);
                observations.add(new Observation.SopCompleted(
                        e.timestamp(), done.sopId(), done.cycleTimeHours(), done.estimatedCost()));
            }
            case EventTypes.TASK_CREATED -> {
                if (e.emittedBy().startsWith("person:")) {
                    observations.add(new Observation.ManualTask(
                            e.timestamp(), p.path("reason").asText("")));
                }
            }
            case EventTypes.AGENT_THRESHOLD_CHANGED,
                    EventTypes.AGENT_AUTONOMY_CHANGED,
                    EventTypes.AGENT_FINANCIAL_LIMIT_CHANGED -> {
                observations.add(agentChanged(e, settings));
            }
            default -> {}
        }
    }

    // An agent's settings after a change, folded from its defaults through every change so far.
    private Observation.AgentChanged agentChanged(RecordedEvent e, Map<String, AgentSettings> settings) {
        var change = (AgentEvent) EventCodec.decode(e).orElseThrow();
        String agent = change.agentId();
        AgentSettings before = settings.computeIfAbsent(
                agent, a -> agents.find(a).map(AgentDefinition::defaults).orElse(AgentSettings.defaults(0.75)));
        AgentSettings after = before.evolve(change);
        settings.put(agent, after);
        return new Observation.AgentChanged(e.timestamp(), agent, state(after));
    }

    private static Observation.Gated gated(
            RecordedEvent e, JsonNode p, Observation.Route route, Map<UUID, RecordedEvent> decisions) {
        RecordedEvent decision = decisionOf(p, decisions);
        String type = decision != null
                ? decision.type()
                : p.path("decision_event_type").asText("unknown");
        return new Observation.Gated(e.timestamp(), p.path("agent_id").asText(e.emittedBy()), type, route);
    }

    // A decision that cannot be found is unjudged, never right. A control loop's proposal approved by silence is no
    // agent's decision (its truth is not the agency's): it is not counted.
    private Optional<Observation.TookEffect> tookEffect(
            RecordedEvent e, JsonNode p, Observation.Unattended how, Map<UUID, RecordedEvent> decisions) {
        RecordedEvent decision = decisionOf(p, decisions);
        String agent = p.path("agent_id").asText(e.emittedBy());
        if (decision == null) {
            return isAgent(agent)
                    ? Optional.of(new Observation.TookEffect(
                            e.timestamp(),
                            agent,
                            p.path("decision_event_type").asText("unknown"),
                            how,
                            DecisionTruth.Verdict.UNJUDGED))
                    : Optional.empty();
        }
        var verdict = truth.judge(leadOfFlow.apply(decision.correlationId()), decision)
                .verdict();
        return Optional.of(
                new Observation.TookEffect(e.timestamp(), decision.emittedBy(), decision.type(), how, verdict));
    }

    /**
     * Whether {@code e} releases or escalates a decision no agent made: a task a person wrote by hand passes Oversight
     * under the settings of the agent that emits its type, but it is the person's own work, not an autonomous decision
     * (nor one the agent's truth can judge). It is left out of the figures, as a control loop's proposal is.
     */
    private boolean byPerson(RecordedEvent e, JsonNode p, Map<UUID, RecordedEvent> decisions) {
        if (!Gate.isRelease(e)
                && !e.type().equals(EventTypes.HUMAN_APPROVAL_REQUESTED)
                && !e.type().equals(EventTypes.CEO_INTERRUPT_REQUIRED)) {
            return false;
        }
        RecordedEvent decision = decisionOf(p, decisions);
        return decision != null && !isAgent(decision.emittedBy());
    }

    private boolean isAgent(String name) {
        return agents.find(name).isPresent() && !name.equals(OversightAgent.DEFINITION.name());
    }

    private static RecordedEvent decisionOf(JsonNode p, Map<UUID, RecordedEvent> decisions) {
        return p.hasNonNull("decision_event_id")
                ? decisions.get(UUID.fromString(p.get("decision_event_id").asText()))
                : null;
    }

    private static WeekFigures.AgentState state(AgentSettings s) {
        return new WeekFigures.AgentState(s.threshold(), s.autonomy().wireName(), s.decisionThresholds());
    }
}

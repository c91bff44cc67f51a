package com.bigbox.autonomic.flow;

import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.core.RecordedEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which events are decisions that wait for Oversight: what a gated agent emits, except the records it
 * keeps (e.g. the intake agent's {@code LEAD_INQUIRY_RECEIVED}), and — whoever wrote it (the API, psql, a
 * webhook) — any event of a type an agent emits as a decision, as the original's "Oversight sees every
 * event": a critical risk posted by hand interrupts the CEO just as the agent's would. Everything else is
 * a fact. The engine's own writers (the governor, and monitors such as client health whose alerts start
 * their own SOP) are never judged as someone else's decision.
 */
public final class Gate {
    /** The events that let a decision take effect. */
    public static final Set<String> RELEASES = Set.of(
            EventTypes.AUTONOMIC_DECISION_EXECUTED,
            EventTypes.HUMAN_APPROVAL_GRANTED,
            EventTypes.HUMAN_OVERRIDE,
            EventTypes.APPROVED_BY_SILENCE);

    private final Map<String, Set<String>> recordsByAgent;
    private final Map<String, String> agentByDecisionType;
    private final Set<String> engineWriters;

    /**
     * @param recordsByAgent each gated agent's name, with the types it emits that are records, not decisions
     * @param agentByDecisionType each type some gated agent emits as a decision, with that agent: whose
     *     settings govern the type when someone else writes it
     * @param engineWriters the governor's name and the engine's other writers, whose events pass
     */
    public Gate(
            Map<String, Set<String>> recordsByAgent,
            Map<String, String> agentByDecisionType,
            Set<String> engineWriters) {
        this.recordsByAgent = Map.copyOf(recordsByAgent);
        this.agentByDecisionType = Map.copyOf(agentByDecisionType);
        this.engineWriters = Set.copyOf(engineWriters);
    }

    public boolean isDecision(RecordedEvent event) {
        return governingAgent(event).isPresent();
    }

    /** The agent whose settings govern {@code event} when it is a decision: its writer, or the type's agent. */
    public Optional<String> governingAgent(RecordedEvent event) {
        Set<String> records = recordsByAgent.get(event.emittedBy());
        if (records != null) {
            return records.contains(event.type()) ? Optional.empty() : Optional.of(event.emittedBy());
        }
        if (engineWriters.contains(event.emittedBy())) {
            return Optional.empty();
        }
        return Optional.ofNullable(agentByDecisionType.get(event.type()));
    }

    public static boolean isRelease(RecordedEvent event) {
        return RELEASES.contains(event.type());
    }
}

package com.bigbox.autonomic.flow;

import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.core.RecordedEvent;
import java.util.Map;
import java.util.Set;

/**
 * Which events are decisions that wait for Oversight: what a gated agent emits, except the records it
 * keeps (e.g. the intake agent's {@code LEAD_INQUIRY_RECEIVED}). Everything else is a fact.
 */
public final class Gate {
    /** The events that let a decision take effect. */
    public static final Set<String> RELEASES = Set.of(EventTypes.AUTONOMIC_DECISION_EXECUTED,
            EventTypes.HUMAN_APPROVAL_GRANTED, EventTypes.HUMAN_OVERRIDE, EventTypes.APPROVED_BY_SILENCE);

    private final Map<String, Set<String>> recordsByAgent;

    /** @param recordsByAgent each gated agent's name, with the types it emits that are records, not decisions */
    public Gate(Map<String, Set<String>> recordsByAgent) {
        this.recordsByAgent = Map.copyOf(recordsByAgent);
    }

    public boolean isDecision(RecordedEvent event) {
        Set<String> records = recordsByAgent.get(event.emittedBy());
        return records != null && !records.contains(event.type());
    }

    public static boolean isRelease(RecordedEvent event) {
        return RELEASES.contains(event.type());
    }
}

package com.bigbox.autonomic.events;

import java.util.Map;
import java.util.UUID;

/**
 * An event that lets a gated decision take effect: Oversight executed it, or a human granted, modified
 * or (by silence) approved it. Downstream agents react to a release, never to the bare decision.
 */
public sealed interface Release
        permits DecisionEvent.Executed,
                ApprovalEvent.Granted,
                ApprovalEvent.Overridden,
                ApprovalEvent.ApprovedBySilence {
    UUID decisionEventId();

    String decisionEventType();

    String agentId();

    /** Whether a person (not the machine, not silence) let it through. */
    boolean byHuman();

    /** Payload fields a human changed (HUMAN_OVERRIDE); empty otherwise. */
    default Map<String, Object> modifications() {
        return Map.of();
    }
}

package com.bigbox.autonomic.chaos;

import java.time.Duration;

/** What a handler does with one event while faults are in force. */
public sealed interface FaultDecision {
    Pass PASS = new Pass();

    /** Nothing injected. */
    record Pass() implements FaultDecision {}

    record Delay(Fault fault, Duration by) implements FaultDecision {}

    record Drop(Fault fault) implements FaultDecision {}

    record Fail(Fault fault) implements FaultDecision {}

    record LowerConfidence(Fault fault, double by) implements FaultDecision {}

    /**
     * The first active fault that targets this handler and event, and selects the event, decides;
     * protected event types always pass. Human absence is not a handler fault.
     */
    static FaultDecision decide(
            Iterable<Fault> active,
            String subscription,
            String eventType,
            java.util.UUID eventId,
            java.time.Instant now) {
        for (Fault fault : active) {
            if (fault.kind() == FaultKind.SIMULATE_HUMAN_ABSENCE
                    || !fault.activeAt(now)
                    || !fault.targets(subscription, eventType)
                    || !fault.selects(eventId)) {
                continue;
            }
            return switch (fault.kind()) {
                case DELAY_EVENT -> new Delay(fault, fault.delay());
                case DROP_EVENT -> new Drop(fault);
                case SIMULATE_AGENT_FAILURE -> new Fail(fault);
                case LOWER_CONFIDENCE -> new LowerConfidence(fault, fault.confidenceDrop());
                case SIMULATE_HUMAN_ABSENCE -> PASS;
            };
        }
        return PASS;
    }
}

package com.bigbox.autonomic.chaos;

import java.util.UUID;

/** The failure a chaos experiment injects into a handler ({@link FaultKind#SIMULATE_AGENT_FAILURE}). */
public final class InjectedFailure extends RuntimeException {
    public InjectedFailure(String subscription, UUID eventId, UUID faultId) {
        super("chaos: " + subscription + " fails on event " + eventId + " (fault " + faultId + ")", null, false, false);
    }
}

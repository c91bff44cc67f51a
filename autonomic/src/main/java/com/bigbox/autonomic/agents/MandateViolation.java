package com.bigbox.autonomic.agents;

/** An agent tried to emit an event type outside its mandate; the emission is refused. */
public final class MandateViolation extends RuntimeException {
    public MandateViolation(String agent, String type) {
        super(agent + " may not emit " + type + ": it is outside its mandate");
    }
}

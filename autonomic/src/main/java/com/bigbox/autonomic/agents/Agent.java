package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.flow.Effective;

/** An agent reacts to what takes effect (a fact, or a released decision) by emitting through its context. */
public interface Agent {
    AgentDefinition definition();

    /** Decides what to emit for {@code trigger}; emits nothing when nothing is to be done. */
    void react(Effective trigger, AgentContext context);
}

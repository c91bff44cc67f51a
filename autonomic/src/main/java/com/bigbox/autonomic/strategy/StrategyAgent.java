package com.bigbox.autonomic.strategy;

import static com.bigbox.autonomic.events.EventTypes.CREATIVE_BRIEF_GENERATED;
import static com.bigbox.autonomic.events.EventTypes.INTENT_INFERRED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_RECOMMENDED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_GENERATED;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentContext;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.flow.Effective;
import java.util.Set;

/**
 * Strategy: an inferred intent becomes a creative brief, a recommended project and its quote. The adapter between
 * the runtime and {@link StrategyDecisions}: it emits what they decide.
 */
public final class StrategyAgent implements Agent {
    public static final String NAME = "StrategyAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "turns a client's intent into a brief, a recommended project and a quote",
            Set.of(INTENT_INFERRED),
            Set.of(CREATIVE_BRIEF_GENERATED, PROJECT_RECOMMENDED, QUOTE_GENERATED),
            Set.of(),
            AgentSettings.defaults(0.75));

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        StrategyDecisions.decide(trigger, StrategyReasoner.in(context.reasoner()))
                .forEach(context::emit);
    }
}

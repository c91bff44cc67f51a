package com.bigbox.autonomic.strategy;

import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.autonomic.reasoning.Reasoner;

/** The strategy agent's question: what brief, project and price answer a client's inferred intent. */
public interface StrategyReasoner {
    StrategyPlan plan(MeetingEvent.IntentInferred intent);

    /** The reasoner {@code reasoner} plugged for strategy, else {@link StrategyRules}. */
    static StrategyReasoner in(Reasoner reasoner) {
        return reasoner.seam(StrategyReasoner.class, new StrategyRules());
    }
}

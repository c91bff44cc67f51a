package com.bigbox.app.simulation;

import java.math.BigDecimal;
import java.time.Instant;

/** One fact of the log that the weekly figures count, at the business time it happened. */
public sealed interface Observation {
    Instant at();

    /** What Oversight did with a decision: executed it, asked a person, or interrupted the CEO. */
    enum Route { EXECUTED, HUMAN, CEO }

    /** @param correct whether the decision matches the truth of its lead */
    record Gated(Instant at, String agentId, String decisionType, Route route, boolean correct) implements Observation {}

    /** A person decided an approval (granted, rejected or changed it); silence is not a person. */
    record HumanDecision(Instant at, String resolution) implements Observation {}

    /** A person overrode a decision that had taken effect autonomously. */
    record Override(Instant at, String agentId) implements Observation {}

    record SopCompleted(Instant at, String sopId, BigDecimal cycleTimeHours, BigDecimal cost) implements Observation {}

    /** A person logged work by hand. */
    record ManualTask(Instant at, String reason) implements Observation {}

    /** An agent's settings after a change. */
    record AgentChanged(Instant at, String agentId, WeekFigures.AgentState state) implements Observation {
        AgentChanged(Instant at, String agentId, double threshold, String autonomy) {
            this(at, agentId, new WeekFigures.AgentState(threshold, autonomy));
        }
    }
}

package com.bigbox.app.simulation;

import java.math.BigDecimal;
import java.time.Instant;

/** One fact of the log that the weekly figures count, at the business time it happened. */
public sealed interface Observation {
    Instant at();

    /** What Oversight did with a decision: executed it, asked a person, or interrupted the CEO. */
    enum Route {
        EXECUTED,
        HUMAN,
        CEO
    }

    /** How Oversight routed a decision. */
    record Gated(Instant at, String agentId, String decisionType, Route route) implements Observation {}

    /** How a decision took effect with no person deciding it: by Oversight alone, or by an approval's silence. */
    enum Unattended {
        ALONE,
        SILENCE
    }

    /**
     * A decision took effect with no person deciding it, and what the truth says of it.
     *
     * @param verdict right, wrong, or unjudged (its truth is not known, or its decision was not found)
     */
    record TookEffect(Instant at, String agentId, String decisionType, Unattended how, DecisionTruth.Verdict verdict)
            implements Observation {}

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

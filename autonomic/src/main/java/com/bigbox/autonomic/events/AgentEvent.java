package com.bigbox.autonomic.events;

import org.jspecify.annotations.Nullable;

/** Run-time changes to an agent's settings ({@code AGENT/<agent name>}): whoever tunes it, tunes it with events. */
public sealed interface AgentEvent extends DomainEvent {
    String agentId();

    @Override
    default @Nullable String clientId() {
        return null;
    }

    /**
     * @param threshold below it, a human decides
     * @param decisionType the decision (event) type it is for; null for the agent-wide threshold, which is what
     *     events stored before per-type thresholds (no {@code decision_type} in their payload) mean
     */
    record ThresholdChanged(
            String agentId,
            double threshold,
            String reason,
            String changedBy,
            @Nullable String decisionType) implements AgentEvent {
        /** The agent-wide threshold. */
        public ThresholdChanged(String agentId, double threshold, String reason, String changedBy) {
            this(agentId, threshold, reason, changedBy, null);
        }
    }

    /** @param level supervised, assisted or autonomous */
    record AutonomyChanged(String agentId, String level, String reason, String changedBy) implements AgentEvent {}

    record FinancialLimitChanged(String agentId, java.math.BigDecimal financialLimit, String reason, String changedBy)
            implements AgentEvent {}
}

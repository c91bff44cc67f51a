package com.bigbox.autonomic.events;

/** Run-time changes to an agent's settings ({@code AGENT/<agent name>}): whoever tunes it, tunes it with events. */
public sealed interface AgentEvent extends DomainEvent {
    String agentId();

    @Override
    default String clientId() {
        return null;
    }

    /** @param threshold below it, a human decides */
    record ThresholdChanged(String agentId, double threshold, String reason, String changedBy) implements AgentEvent {}

    /** @param level supervised, assisted or autonomous */
    record AutonomyChanged(String agentId, String level, String reason, String changedBy) implements AgentEvent {}

    record FinancialLimitChanged(String agentId, java.math.BigDecimal financialLimit, String reason, String changedBy)
            implements AgentEvent {}
}

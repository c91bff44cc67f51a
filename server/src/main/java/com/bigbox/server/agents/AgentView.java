package com.bigbox.server.agents;

import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.postgres.autonomic.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent as {@code GET /api/v1/agents} shows it: what it does, its settings now, and where its
 * subscription stands (running on which instance, how far behind).
 *
 * @param decision_thresholds the decision types with a threshold of their own (the rest are held to {@code threshold})
 * @param status running (an instance holds it), stopped (it ran before, nobody holds it now) or never_started
 */
public record AgentView(
        String name,
        String mandate,
        String subscription,
        List<String> triggers,
        List<String> emits,
        double threshold,
        Map<String, Double> decision_thresholds,
        String autonomy_level,
        BigDecimal financial_limit,
        String status,
        String instance,
        long lag,
        long position,
        Instant checkpoint_updated_at) {

    static AgentView of(AgentDefinition d, AgentSettings settings, SubscriptionStatus s) {
        String status = s == null || s.owner() == null ? "never_started" : s.running() ? "running" : "stopped";
        return new AgentView(
                d.name(),
                d.mandate(),
                d.subscriptionName(),
                d.triggers().stream().sorted().toList(),
                d.emits().stream().sorted().toList(),
                settings.threshold(),
                new java.util.TreeMap<>(settings.decisionThresholds()),
                settings.autonomy().wireName(),
                settings.financialLimit(),
                status,
                s == null ? null : s.owner(),
                s == null ? 0 : s.lag(),
                s == null ? 0 : s.globalPosition(),
                s == null ? null : s.updatedAt());
    }
}

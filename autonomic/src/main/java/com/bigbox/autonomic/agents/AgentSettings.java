package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.events.AgentEvent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * An agent's tunable settings, folded from its {@code AGENT/<name>} stream over its defaults, so a
 * control loop (or a person) changes them with an event and every instance sees the change.
 *
 * @param threshold below it, a human decides
 * @param financialLimit above it, a financial decision needs a human; ten times it, the CEO
 * @param decisionThresholds thresholds of single decision types (event types), where one type's record
 *     differs from the rest of the agent's: an agent whose flags are often wrong but whose assignments are
 *     reliable is calibrated per type, so the flags' overrides are not diluted by the assignments
 */
public record AgentSettings(
        double threshold, AutonomyLevel autonomy, BigDecimal financialLimit, Map<String, Double> decisionThresholds) {
    public static final BigDecimal DEFAULT_FINANCIAL_LIMIT = new BigDecimal("10000");

    public AgentSettings {
        checkThreshold(threshold);
        if (financialLimit == null || financialLimit.signum() <= 0) {
            throw new InvalidInputException("financial_limit", "financial_limit must be a positive amount");
        }
        decisionThresholds = decisionThresholds == null ? Map.of() : Map.copyOf(decisionThresholds);
        decisionThresholds.values().forEach(AgentSettings::checkThreshold);
    }

    public AgentSettings(double threshold, AutonomyLevel autonomy, BigDecimal financialLimit) {
        this(threshold, autonomy, financialLimit, Map.of());
    }

    /** The threshold a decision of {@code decisionType} is held to: the type's own, else the agent's. */
    public double thresholdFor(String decisionType) {
        Double own = decisionType == null ? null : decisionThresholds.get(decisionType);
        return own != null ? own : threshold;
    }

    /** Whether {@code decisionType} has a threshold of its own. */
    public boolean hasOwnThreshold(String decisionType) {
        return decisionType != null && decisionThresholds.containsKey(decisionType);
    }

    public static AgentSettings defaults(double threshold) {
        return new AgentSettings(threshold, AutonomyLevel.ASSISTED, DEFAULT_FINANCIAL_LIMIT);
    }

    public AgentSettings evolve(AgentEvent event) {
        return switch (event) {
            // No decision type (every event stored before types had thresholds): the agent-wide threshold.
            case AgentEvent.ThresholdChanged c
            when c.decisionType() == null ->
                new AgentSettings(c.threshold(), autonomy, financialLimit, decisionThresholds);
            case AgentEvent.ThresholdChanged c -> {
                var types = new TreeMap<>(decisionThresholds);
                types.put(c.decisionType(), c.threshold());
                yield new AgentSettings(threshold, autonomy, financialLimit, types);
            }
            case AgentEvent.AutonomyChanged c ->
                new AgentSettings(
                        threshold, AutonomyLevel.parse("level", c.level()), financialLimit, decisionThresholds);
            case AgentEvent.FinancialLimitChanged c ->
                new AgentSettings(threshold, autonomy, c.financialLimit(), decisionThresholds);
        };
    }

    public static double checkThreshold(double threshold) {
        if (Double.isNaN(threshold) || threshold < 0 || threshold > 1) {
            throw new InvalidInputException("threshold", "threshold must be between 0 and 1, was " + threshold);
        }
        return threshold;
    }
}

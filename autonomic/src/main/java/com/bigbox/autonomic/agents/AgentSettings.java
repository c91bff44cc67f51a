package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.events.AgentEvent;
import java.math.BigDecimal;

/**
 * An agent's tunable settings, folded from its {@code AGENT/<name>} stream over its defaults, so a
 * control loop (or a person) changes them with an event and every instance sees the change.
 *
 * @param threshold below it, a human decides
 * @param financialLimit above it, a financial decision needs a human; ten times it, the CEO
 */
public record AgentSettings(double threshold, AutonomyLevel autonomy, BigDecimal financialLimit) {
    public static final BigDecimal DEFAULT_FINANCIAL_LIMIT = new BigDecimal("10000");

    public AgentSettings {
        checkThreshold(threshold);
        if (financialLimit == null || financialLimit.signum() <= 0) {
            throw new InvalidInputException("financial_limit", "financial_limit must be a positive amount");
        }
    }

    public static AgentSettings defaults(double threshold) {
        return new AgentSettings(threshold, AutonomyLevel.ASSISTED, DEFAULT_FINANCIAL_LIMIT);
    }

    public AgentSettings evolve(AgentEvent event) {
        return switch (event) {
            case AgentEvent.ThresholdChanged c -> new AgentSettings(c.threshold(), autonomy, financialLimit);
            case AgentEvent.AutonomyChanged c -> new AgentSettings(threshold, AutonomyLevel.parse("level", c.level()), financialLimit);
            case AgentEvent.FinancialLimitChanged c -> new AgentSettings(threshold, autonomy, c.financialLimit());
        };
    }

    public static double checkThreshold(double threshold) {
        if (Double.isNaN(threshold) || threshold < 0 || threshold > 1) {
            throw new InvalidInputException("threshold", "threshold must be between 0 and 1, was " + threshold);
        }
        return threshold;
    }
}

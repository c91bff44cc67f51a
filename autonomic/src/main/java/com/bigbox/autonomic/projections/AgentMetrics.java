package com.bigbox.autonomic.projections;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code agent_metrics}: an agent's day. Every value is a function of the log alone (the row's
 * id and timestamps too), so a rebuild writes exactly the rows the live projection wrote.
 *
 * @param automationRate decisions that executed with no person, of all its decisions that reached Oversight
 * @param humanHoursSaved a quarter hour per autonomous decision (the original's cost of a human review)
 * @param confidenceSum the sum of its emissions' confidences, {@code confidenceCount} how many had one: their
 *     ratio over several days is the agent's mean confidence then
 */
public record AgentMetrics(
        UUID metricId,
        String agentId,
        Instant windowStart,
        Instant windowEnd,
        long eventsProcessed,
        long eventsEmitted,
        long humanEscalations,
        @Nullable BigDecimal avgConfidence,
        @Nullable BigDecimal confidenceVariance,
        @Nullable BigDecimal automationRate,
        BigDecimal humanHoursSaved,
        long decisions,
        long autonomousDecisions,
        long approvalsAgreed,
        long approvalsOverridden,
        long approvalsRejected,
        BigDecimal confidenceSum,
        long confidenceCount) {
    static final BigDecimal HOURS_PER_REVIEW = new BigDecimal("0.25");

    public static AgentMetrics of(String agentId, Instant windowStart, Instant windowEnd, AgentWindowFacts f) {
        BigDecimal avg = null;
        BigDecimal variance = null;
        if (f.confidenceCount() > 0) {
            BigDecimal n = BigDecimal.valueOf(f.confidenceCount());
            BigDecimal mean = f.confidenceSum().divide(n, MathContext.DECIMAL64);
            avg = mean.setScale(2, RoundingMode.HALF_UP);
            variance = f.confidenceSquares()
                    .divide(n, MathContext.DECIMAL64)
                    .subtract(mean.multiply(mean))
                    .max(BigDecimal.ZERO)
                    .setScale(4, RoundingMode.HALF_UP);
        }
        long decisions = f.executed() + f.escalations();
        BigDecimal automation = decisions == 0
                ? null
                : BigDecimal.valueOf(f.executed()).divide(BigDecimal.valueOf(decisions), 2, RoundingMode.HALF_UP);
        BigDecimal saved =
                HOURS_PER_REVIEW.multiply(BigDecimal.valueOf(f.executed())).setScale(2, RoundingMode.HALF_UP);
        UUID id = UUID.nameUUIDFromBytes(
                (agentId + "/" + windowStart + "/" + windowEnd).getBytes(StandardCharsets.UTF_8));
        return new AgentMetrics(
                id,
                agentId,
                windowStart,
                windowEnd,
                f.processed(),
                f.emitted(),
                f.escalations(),
                avg,
                variance,
                automation,
                saved,
                decisions,
                f.executed(),
                f.agreed(),
                f.overridden(),
                f.rejected(),
                f.confidenceSum().setScale(4, RoundingMode.HALF_UP),
                f.confidenceCount());
    }
}

package com.bigbox.autonomic.projections;

import java.math.BigDecimal;

/**
 * What the log says about one agent in one window, counted from events only.
 *
 * @param processed distinct events the agent reacted to (the causes of its emissions)
 * @param confidenceSum sum of its emissions' confidences; {@code confidenceSquares} the sum of their squares
 * @param escalations its decisions sent to a person (CEO interrupts included)
 * @param agreed its decisions people approved unchanged (or silence approved)
 */
public record AgentWindowFacts(
        long emitted,
        long processed,
        long confidenceCount,
        BigDecimal confidenceSum,
        BigDecimal confidenceSquares,
        long executed,
        long escalations,
        long agreed,
        long overridden,
        long rejected) {}

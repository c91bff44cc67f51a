package com.bigbox.autonomic.sop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One run of an SOP in a flow: a row of {@code sop_executions} (the seed's columns) with its steps.
 *
 * @param status in_progress, completed, failed or escalated
 * @param corrections how often a person rejected, changed or took over a step (lowers the quality score)
 * @param outcome JSON object: how it ended, step by step
 */
public record SopExecution(UUID executionId, String sopId, int sopVersion, UUID correlationId, String clientId,
        UUID triggerEventId, Instant startedAt, Instant completedAt, String status, BigDecimal cycleTimeHours,
        Integer totalSteps, Integer automatedSteps, BigDecimal automationRate, BigDecimal humanHours,
        BigDecimal estimatedCost, BigDecimal qualityScore, String outcome, int corrections, List<StepState> steps) {
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String ESCALATED = "escalated";

    public SopExecution {
        steps = List.copyOf(steps);
    }

    public boolean running() {
        return IN_PROGRESS.equals(status) || ESCALATED.equals(status);
    }

    SopExecution withSteps(List<StepState> next) {
        return new SopExecution(executionId, sopId, sopVersion, correlationId, clientId, triggerEventId, startedAt, completedAt,
                status, cycleTimeHours, totalSteps, automatedSteps, automationRate, humanHours, estimatedCost, qualityScore,
                outcome, corrections, next);
    }

    SopExecution withStatus(String next) {
        return new SopExecution(executionId, sopId, sopVersion, correlationId, clientId, triggerEventId, startedAt, completedAt,
                next, cycleTimeHours, totalSteps, automatedSteps, automationRate, humanHours, estimatedCost, qualityScore,
                outcome, corrections, steps);
    }

    SopExecution corrected() {
        return new SopExecution(executionId, sopId, sopVersion, correlationId, clientId, triggerEventId, startedAt, completedAt,
                status, cycleTimeHours, totalSteps, automatedSteps, automationRate, humanHours, estimatedCost, qualityScore,
                outcome, corrections + 1, steps);
    }

    SopExecution ended(String finalStatus, Instant at, BigDecimal cycle, Integer total, Integer automated, BigDecimal rate,
            BigDecimal hours, BigDecimal cost, BigDecimal quality, String outcomeJson) {
        return new SopExecution(executionId, sopId, sopVersion, correlationId, clientId, triggerEventId, startedAt, at,
                finalStatus, cycle, total, automated, rate, hours, cost, quality, outcomeJson, corrections, steps);
    }
}

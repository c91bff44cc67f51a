package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.SopEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One run of an SOP in a flow: a row of {@code sop_executions} (the seed's columns) with its steps. It is
 * the fold of its execution's events ({@link #started}, then {@link #apply} for each later one), in the
 * live engine and in a rebuild alike.
 *
 * @param status in_progress, completed, failed or escalated
 * @param corrections how often a person rejected, changed or took over a step (lowers the quality score)
 * @param outcome JSON object: how it ended, step by step
 */
public record SopExecution(
        UUID executionId,
        String sopId,
        int sopVersion,
        UUID correlationId,
        @Nullable String clientId,
        UUID triggerEventId,
        Instant startedAt,
        @Nullable Instant completedAt,
        String status,
        @Nullable BigDecimal cycleTimeHours,
        @Nullable Integer totalSteps,
        @Nullable Integer automatedSteps,
        @Nullable BigDecimal automationRate,
        @Nullable BigDecimal humanHours,
        @Nullable BigDecimal estimatedCost,
        @Nullable BigDecimal qualityScore,
        @Nullable String outcome,
        int corrections,
        List<StepState> steps) {
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

    /** The execution {@code started} opens, at {@code at}, in the flow {@code correlationId}. */
    public static SopExecution started(SopEvent.ExecutionStarted started, UUID correlationId, Instant at) {
        var steps = new ArrayList<StepState>();
        for (SopEvent.InitialStep s : started.steps()) {
            steps.add(new StepState(
                    s.stepId(),
                    s.position(),
                    s.name(),
                    s.automationLevel(),
                    s.status(),
                    s.required(),
                    null,
                    null,
                    null,
                    null,
                    StepState.READY.equals(s.status()) ? at : null,
                    null,
                    null,
                    null));
        }
        return new SopExecution(
                started.executionId(),
                started.sopId(),
                started.sopVersion(),
                correlationId,
                started.clientId(),
                started.triggerEventId(),
                at,
                null,
                IN_PROGRESS,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                steps);
    }

    /** This execution after {@code event}, which happened at {@code at}. */
    public SopExecution apply(SopEvent.ExecutionEvent event, Instant at) {
        return switch (event) {
            case SopEvent.ExecutionStarted s -> this;
            case SopEvent.StepReady r ->
                step(r.stepId(), s -> {
                    StepState ready = StepState.PENDING.equals(s.status()) ? s.ready(at) : s;
                    return r.taskId() == null ? ready : ready.withTask(r.taskId());
                });
            case SopEvent.StepCompleted c -> {
                SopExecution done = step(
                        c.stepId(),
                        s -> s.completed(
                                c.automated(),
                                c.humanMinutes(),
                                c.cost(),
                                at,
                                c.completingEventId(),
                                c.completingEventType()));
                yield c.corrected() ? done.corrected() : done;
            }
            case SopEvent.StepFailed f ->
                step(f.stepId(), s -> s.withStatus(StepState.FAILED).notRequired())
                        .step(f.fallbackStepId(), s -> s.requiredNow(at))
                        .corrected();
            case SopEvent.ExecutionEscalated e -> {
                SopExecution escalated = step(
                                e.stepId(),
                                s -> s.withStatus(StepState.ESCALATED).withTask(e.taskId()))
                        .withStatus(ESCALATED);
                yield e.corrected() ? escalated.corrected() : escalated;
            }
            case SopEvent.ExecutionFailed f -> failed(f, at);
            case SopEvent.ExecutionCompleted c -> completed(c);
        };
    }

    private SopExecution failed(SopEvent.ExecutionFailed f, Instant at) {
        SopExecution failed =
                step(f.stepId(), s -> s.withStatus(StepState.FAILED)).corrected();
        return failed.ended(
                FAILED,
                at,
                f.cycleTimeHours(),
                null,
                null,
                null,
                null,
                null,
                null,
                SopOutcome.json(failed.clientId, "failed", f.reason(), failed.steps, failed.corrections));
    }

    // Completed: the steps still open (and fallbacks never needed) are skipped.
    private SopExecution completed(SopEvent.ExecutionCompleted c) {
        var skipped = new ArrayList<StepState>();
        for (StepState s : steps) {
            skipped.add(s.open() || StepState.STANDBY.equals(s.status()) ? s.withStatus(StepState.SKIPPED) : s);
        }
        return withSteps(skipped)
                .ended(
                        COMPLETED,
                        c.completedAt(),
                        c.cycleTimeHours(),
                        c.totalSteps(),
                        c.automatedSteps(),
                        c.automationRate(),
                        c.humanHours(),
                        c.estimatedCost(),
                        c.qualityScore(),
                        SopOutcome.json(clientId, "completed", c.how(), skipped, corrections));
    }

    private SopExecution step(String stepId, UnaryOperator<StepState> change) {
        var next = new ArrayList<StepState>(steps.size());
        for (StepState s : steps) {
            next.add(s.stepId().equals(stepId) ? change.apply(s) : s);
        }
        return withSteps(next);
    }

    /** This execution with {@code next} as its steps (the store reads the row and its steps apart). */
    public SopExecution withSteps(List<StepState> next) {
        return new SopExecution(
                executionId,
                sopId,
                sopVersion,
                correlationId,
                clientId,
                triggerEventId,
                startedAt,
                completedAt,
                status,
                cycleTimeHours,
                totalSteps,
                automatedSteps,
                automationRate,
                humanHours,
                estimatedCost,
                qualityScore,
                outcome,
                corrections,
                next);
    }

    SopExecution withStatus(String next) {
        return new SopExecution(
                executionId,
                sopId,
                sopVersion,
                correlationId,
                clientId,
                triggerEventId,
                startedAt,
                completedAt,
                next,
                cycleTimeHours,
                totalSteps,
                automatedSteps,
                automationRate,
                humanHours,
                estimatedCost,
                qualityScore,
                outcome,
                corrections,
                steps);
    }

    SopExecution corrected() {
        return new SopExecution(
                executionId,
                sopId,
                sopVersion,
                correlationId,
                clientId,
                triggerEventId,
                startedAt,
                completedAt,
                status,
                cycleTimeHours,
                totalSteps,
                automatedSteps,
                automationRate,
                humanHours,
                estimatedCost,
                qualityScore,
                outcome,
                corrections + 1,
                steps);
    }

    SopExecution ended(
            String finalStatus,
            Instant at,
            BigDecimal cycle,
            @Nullable Integer total,
            @Nullable Integer automated,
            @Nullable BigDecimal rate,
            @Nullable BigDecimal hours,
            @Nullable BigDecimal cost,
            @Nullable BigDecimal quality,
            String outcomeJson) {
        return new SopExecution(
                executionId,
                sopId,
                sopVersion,
                correlationId,
                clientId,
                triggerEventId,
                startedAt,
                at,
                finalStatus,
                cycle,
                total,
                automated,
                rate,
                hours,
                cost,
                quality,
                outcomeJson,
                corrections,
                steps);
    }
}

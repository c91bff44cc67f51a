package com.bigbox.autonomic.sop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where one step of an execution stands.
 *
 * @param status pending (waiting for its dependencies), ready, completed, skipped, failed, escalated, or standby
 *     (a fallback not needed so far)
 * @param required whether the execution needs it to complete (not optional, not a fallback not taken)
 * @param automated whether it was done with no person involved (null until done)
 * @param taskId the human task created for it, if any
 */
public record StepState(
        String stepId,
        int position,
        String name,
        String automationLevel,
        String status,
        boolean required,
        @Nullable Boolean automated,
        @Nullable BigDecimal humanMinutes,
        @Nullable BigDecimal cost,
        @Nullable String taskId,
        @Nullable Instant readyAt,
        @Nullable Instant completedAt,
        @Nullable UUID completingEventId,
        @Nullable String completingEventType) {
    public static final String PENDING = "pending";
    public static final String READY = "ready";
    public static final String COMPLETED = "completed";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final String ESCALATED = "escalated";
    /** A fallback step that runs only if the step it backs fails. */
    public static final String STANDBY = "standby";

    public boolean open() {
        return PENDING.equals(status) || READY.equals(status) || ESCALATED.equals(status);
    }

    public boolean done() {
        return COMPLETED.equals(status);
    }

    StepState ready(Instant at) {
        return new StepState(
                stepId,
                position,
                name,
                automationLevel,
                READY,
                required,
                null,
                null,
                null,
                taskId,
                at,
                null,
                null,
                null);
    }

    StepState withTask(String task) {
        return new StepState(
                stepId,
                position,
                name,
                automationLevel,
                status,
                required,
                automated,
                humanMinutes,
                cost,
                task,
                readyAt,
                completedAt,
                completingEventId,
                completingEventType);
    }

    StepState completed(
            boolean byMachine,
            @Nullable BigDecimal minutes,
            @Nullable BigDecimal stepCost,
            Instant at,
            @Nullable UUID eventId,
            @Nullable String eventType) {
        return new StepState(
                stepId,
                position,
                name,
                automationLevel,
                COMPLETED,
                required,
                byMachine,
                minutes,
                stepCost,
                taskId,
                readyAt,
                at,
                eventId,
                eventType);
    }

    StepState withStatus(String next) {
        return new StepState(
                stepId,
                position,
                name,
                automationLevel,
                next,
                required,
                automated,
                humanMinutes,
                cost,
                taskId,
                readyAt,
                completedAt,
                completingEventId,
                completingEventType);
    }

    StepState notRequired() {
        return new StepState(
                stepId,
                position,
                name,
                automationLevel,
                status,
                false,
                automated,
                humanMinutes,
                cost,
                taskId,
                readyAt,
                completedAt,
                completingEventId,
                completingEventType);
    }

    StepState requiredNow(Instant at) {
        return new StepState(
                stepId, position, name, automationLevel, READY, true, null, null, null, taskId, at, null, null, null);
    }
}

package com.bigbox.autonomic.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * SOP versions ({@code SOP/<sop id>}) and executions ({@code SOP_EXECUTION/<execution id>}). Each event
 * carries what its change of {@code sop_definitions}, {@code sop_executions} and
 * {@code sop_execution_steps} needs, so those rows are the fold of the log; the time of a change is the
 * event's {@code timestamp}.
 */
public sealed interface SopEvent extends DomainEvent {

    /**
     * A new version of an SOP is active (first load, a changed file, or an approved proposal); the one
     * active before it is deactivated.
     *
     * @param version the version number in {@code sop_definitions} (1, 2, ...)
     * @param documentVersion the document's own version (metadata.version, "1.2.0")
     * @param definition the SOP document as loaded
     */
    record VersionActivated(
            String sopId,
            int version,
            @Nullable Integer previousVersion,
            String documentVersion,
            String name,
            String checksum,
            String source,
            String approvalMechanism,
            Map<String, Object> definition)
            implements SopEvent {
        @Override
        public @Nullable String clientId() {
            return null;
        }
    }

    /** What happens to one run of an SOP. */
    sealed interface ExecutionEvent extends SopEvent {
        UUID executionId();
    }

    /**
     * One step of an execution as it starts.
     *
     * @param status ready (no dependencies), pending (waits for them) or standby (a fallback)
     * @param required whether the execution needs it to complete
     */
    record InitialStep(
            String stepId, int position, String name, String automationLevel, String status, boolean required) {}

    record ExecutionStarted(
            @Nullable String clientId,
            UUID executionId,
            String sopId,
            int sopVersion,
            UUID triggerEventId,
            String triggerEventType,
            int totalSteps,
            List<InitialStep> steps)
            implements ExecutionEvent {
        public ExecutionStarted {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /**
     * A step's dependencies are done (it is ready now), or a person's task was created for it.
     *
     * @param taskId the task created for a person, or null
     * @param timeoutAt when it escalates if it is not done by then, or null
     */
    record StepReady(
            @Nullable String clientId,
            UUID executionId,
            String sopId,
            String stepId,
            @Nullable String taskId,
            @Nullable Instant timeoutAt)
            implements ExecutionEvent {}

    /**
     * @param automated whether the step was done with no human involved
     * @param corrected whether a person changed the decision that completed it (lowers the quality score)
     */
    record StepCompleted(
            @Nullable String clientId,
            UUID executionId,
            String sopId,
            String stepId,
            boolean automated,
            @Nullable BigDecimal humanMinutes,
            @Nullable BigDecimal cost,
            @Nullable UUID completingEventId,
            @Nullable String completingEventType,
            boolean corrected)
            implements ExecutionEvent {}

    /** A person refused the decision a step waited for; the step's fallback takes over. */
    record StepFailed(
            @Nullable String clientId,
            UUID executionId,
            String sopId,
            String stepId,
            String fallbackStepId,
            String reason)
            implements ExecutionEvent {}

    record ExecutionCompleted(
            @Nullable String clientId,
            UUID executionId,
            String sopId,
            int sopVersion,
            Instant startedAt,
            Instant completedAt,
            BigDecimal cycleTimeHours,
            int totalSteps,
            int automatedSteps,
            BigDecimal automationRate,
            BigDecimal humanHours,
            BigDecimal estimatedCost,
            BigDecimal qualityScore,
            String how)
            implements ExecutionEvent {}

    /**
     * A step ran past its timeout, or a person refused its decision, and a person must take over.
     *
     * @param taskId the task that hands the step to a person
     * @param corrected whether a person's refusal caused it (lowers the quality score)
     */
    record ExecutionEscalated(
            @Nullable String clientId,
            UUID executionId,
            String sopId,
            String stepId,
            String reason,
            String taskId,
            boolean corrected)
            implements ExecutionEvent {}

    /** A person refused the decision a step waited for, and the step has no way around it. */
    record ExecutionFailed(
            @Nullable String clientId,
            UUID executionId,
            String sopId,
            String stepId,
            String reason,
            BigDecimal cycleTimeHours)
            implements ExecutionEvent {}
}

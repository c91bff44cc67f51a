package com.bigbox.autonomic.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** SOP versions ({@code SOP/<sop id>}) and executions ({@code SOP_EXECUTION/<execution id>}). */
public sealed interface SopEvent extends DomainEvent {

    /** A new version of an SOP is active (first load, a changed file, or an approved proposal). */
    record VersionActivated(String sopId, int version, Integer previousVersion, String documentVersion, String name,
            String checksum, String source, String approvalMechanism) implements SopEvent {
        @Override
        public String clientId() {
            return null;
        }
    }

    record ExecutionStarted(String clientId, UUID executionId, String sopId, int sopVersion, UUID triggerEventId,
            String triggerEventType, int totalSteps) implements SopEvent {}

    /** @param automated whether the step was done with no human involved */
    record StepCompleted(String clientId, UUID executionId, String sopId, String stepId, boolean automated,
            BigDecimal humanMinutes, BigDecimal cost, UUID completingEventId) implements SopEvent {}

    record ExecutionCompleted(String clientId, UUID executionId, String sopId, int sopVersion, Instant startedAt,
            Instant completedAt, BigDecimal cycleTimeHours, int totalSteps, int automatedSteps,
            BigDecimal automationRate, BigDecimal humanHours, BigDecimal estimatedCost, BigDecimal qualityScore)
            implements SopEvent {}

    /** A step ran past its timeout, or failed, and a person must take over. */
    record ExecutionEscalated(String clientId, UUID executionId, String sopId, String stepId, String reason)
            implements SopEvent {}
}

package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person refusing a decision does to the SOP step that waited for it: the step fails over to its fallback
 * step, or escalates to a person with a task, or the whole execution fails.
 */
final class SopRefusals {
    // Logs as the SOP engine, as before this class was cut out of it.
    private static final Logger log = LoggerFactory.getLogger(SopEngine.class);

    private final SopStore store;
    private final SopCatalog catalog;
    private final SopEvents events;
    private final SopProgress progress;

    SopRefusals(SopStore store, SopCatalog catalog, SopEvents events, SopProgress progress) {
        this.store = store;
        this.catalog = catalog;
        this.events = events;
        this.progress = progress;
    }

    // A person rejected (or let expire) a decision a step was waiting for.
    void decisionRefused(RecordedEvent delivered, UnitOfWork work) {
        String decisionType = refusedType(delivered, work);
        if (decisionType == null) {
            return;
        }
        Instant at = events.timeOf(delivered);
        for (SopExecution x : store.running(work, delivered.correlationId())) {
            SopDocument doc = catalog.document(work, x.sopId(), x.sopVersion());
            Optional<StepState> waiting = x.steps().stream()
                    .filter(s -> s.open()
                            && doc.steps().get(s.position()).completingTypes().contains(decisionType))
                    .findFirst();
            if (waiting.isEmpty()) {
                continue;
            }
            SopDocument.Step step = doc.steps().get(waiting.get().position());
            String fallback = step.fallbackStep();
            if (fallback != null) {
                fallBack(work, x, doc, step, fallback, decisionType, delivered, at);
            } else if (step.escalateToHuman()) {
                escalate(work, x, step, decisionType, delivered, at);
            } else {
                fail(work, x, step, decisionType, delivered, at);
            }
        }
    }

    // The type of the decision refused: named by a rejection; an expiry names the decision's event.
    private static @Nullable String refusedType(RecordedEvent delivered, UnitOfWork work) {
        if (delivered.type().equals(EventTypes.HUMAN_APPROVAL_REJECTED)) {
            return EventCodec.decode(delivered, ApprovalEvent.Rejected.class).decisionEventType();
        }
        UUID decisionId =
                EventCodec.decode(delivered, ApprovalEvent.Expired.class).decisionEventId();
        return decisionId == null
                ? null
                : work.find(decisionId).map(RecordedEvent::type).orElse(null);
    }

    private void fallBack(
            UnitOfWork work,
            SopExecution x,
            SopDocument doc,
            SopDocument.Step step,
            String fallback,
            String decisionType,
            RecordedEvent delivered,
            Instant at) {
        events.emit(
                work,
                x,
                "failed/" + step.stepId(),
                new SopEvent.StepFailed(
                        x.clientId(),
                        x.executionId(),
                        x.sopId(),
                        step.stepId(),
                        fallback,
                        "a person refused " + decisionType),
                delivered,
                at);
        log.info(
                "SOP {} execution {}: step {} refused by a person; falling back to {}",
                x.sopId(),
                x.executionId(),
                step.stepId(),
                fallback);
        progress.unlock(work, x.executionId(), doc, delivered);
    }

    private void escalate(
            UnitOfWork work,
            SopExecution x,
            SopDocument.Step step,
            String decisionType,
            RecordedEvent delivered,
            Instant at) {
        String task = events.createTask(work, x, step, delivered, at, "Take over: " + step.name());
        events.emit(
                work,
                x,
                "escalated/" + step.stepId(),
                new SopEvent.ExecutionEscalated(
                        x.clientId(),
                        x.executionId(),
                        x.sopId(),
                        step.stepId(),
                        "a person refused " + decisionType,
                        task,
                        true),
                delivered,
                at);
    }

    private void fail(
            UnitOfWork work,
            SopExecution x,
            SopDocument.Step step,
            String decisionType,
            RecordedEvent delivered,
            Instant at) {
        events.emit(
                work,
                x,
                "failed",
                new SopEvent.ExecutionFailed(
                        x.clientId(),
                        x.executionId(),
                        x.sopId(),
                        step.stepId(),
                        "a person refused " + decisionType + " at step " + step.stepId(),
                        SopEvents.hoursBetween(x.startedAt(), at)),
                delivered,
                at);
        log.info(
                "SOP {} execution {} failed: a person refused {} at step {}",
                x.sopId(),
                x.executionId(),
                decisionType,
                step.stepId());
    }
}

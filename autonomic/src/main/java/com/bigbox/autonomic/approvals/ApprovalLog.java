package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.core.Confidence;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the approval commands and the deadline jobs share: the locked row they check against, and the event that
 * changes it, appended to {@code APPROVAL/<id>} and applied to the rows by {@link ApprovalsProjection} in the same
 * transaction.
 */
final class ApprovalLog {
    final ApprovalStore store;
    final ProjectionLock lock;
    final Clock clock;
    final Deadlines deadlines;
    private final ApprovalsProjection projection;
    private final double timeoutScale;

    ApprovalLog(
            ApprovalStore store,
            ApprovalsProjection projection,
            ProjectionLock lock,
            Clock clock,
            double timeoutScale,
            Deadlines deadlines) {
        if (!(timeoutScale > 0 && timeoutScale <= 1)) {
            throw new IllegalArgumentException(
                    "the approval timeout scale must be above 0 and at most 1, was " + timeoutScale);
        }
        this.store = store;
        this.projection = projection;
        this.lock = lock;
        this.clock = clock;
        this.timeoutScale = timeoutScale;
        this.deadlines = deadlines;
    }

    Duration timeout(ActionClass actionClass) {
        long millis = Math.round(actionClass.timeout().toMillis() * timeoutScale);
        return Duration.ofMillis(Math.max(1_000, millis));
    }

    Approval pendingLocked(UnitOfWork work, UUID id) {
        Approval approval = store.lock(work, id).orElseThrow(() -> notFound(id));
        if (!approval.pending()) {
            throw conflict(approval);
        }
        return approval;
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("no approval " + id);
    }

    private static ConflictException conflict(Approval current) {
        String how = switch (current.resolution() == null ? current.status() : current.resolution()) {
            case "approved_by_silence" -> "approved by silence at " + current.resolvedAt();
            case "expired" -> "expired at " + current.resolvedAt();
            default -> current.status() + " by " + current.resolvedBy() + " at " + current.resolvedAt();
        };
        return new ConflictException("approval " + current.approvalId() + " is no longer pending: it was " + how);
    }

    Approval reminded(UnitOfWork work, Approval before, String by, Instant now) {
        return record(
                work,
                before,
                new ApprovalEvent.ReminderSent(
                        before.clientId(), before.approvalId(), before.assignedRole(), before.assignedTo(), by),
                by,
                now);
    }

    Approval record(UnitOfWork work, Approval approval, ApprovalEvent event, String by, Instant at) {
        append(work, approval, event, by, at);
        return store.find(work, approval.approvalId()).orElseThrow();
    }

    Approval record(
            UnitOfWork work,
            UUID id,
            UUID correlation,
            UUID causation,
            String type,
            ApprovalEvent event,
            String by,
            Confidence confidence,
            Instant at) {
        RecordedEvent stored = work.append(
                        ApprovalService.stream(id),
                        ExpectedVersion.any(),
                        List.of(new NewEvent(
                                nextEventId(work, id, type, EventCodec.payload(event)),
                                type,
                                EventCodec.payload(event),
                                "{}",
                                correlation,
                                causation,
                                by,
                                confidence,
                                at)))
                .events()
                .getFirst();
        projection.apply(stored, work);
        return store.find(work, id).orElseThrow();
    }

    // The event, and at once its effect on the rows (the same fold a rebuild applies).
    RecordedEvent append(UnitOfWork work, Approval approval, ApprovalEvent event, String by, Instant at) {
        RecordedEvent stored = work.append(
                        ApprovalService.stream(approval.approvalId()),
                        ExpectedVersion.any(),
                        List.of(new NewEvent(
                                nextEventId(
                                        work,
                                        approval.approvalId(),
                                        EventCodec.typeOf(event),
                                        EventCodec.payload(event)),
                                EventCodec.typeOf(event),
                                EventCodec.payload(event),
                                "{}",
                                approval.correlationId(),
                                approval.eventId(),
                                by,
                                null,
                                at)))
                .events()
                .getFirst();
        projection.apply(stored, work);
        return stored;
    }

    // Derived from the approval, its place in the approval's stream and the event itself, as agents derive theirs
    // from what they react to: the same history gets the same ids, so what reacts to a person's decision (the next
    // agent's ids, a simulation's run) repeats exactly; two different events never share one.
    private static UUID nextEventId(UnitOfWork work, UUID approvalId, String type, String payload) {
        long next = work.version(ApprovalService.stream(approvalId)) + 1;
        return UUID.nameUUIDFromBytes(
                ("approval/" + approvalId + "/" + next + "/" + type + "/" + payload).getBytes(StandardCharsets.UTF_8));
    }
}

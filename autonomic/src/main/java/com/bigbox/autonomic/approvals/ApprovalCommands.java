package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.ThrottledException;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What changes an approval other than a decision on it: the request (from Oversight or a control loop), assignment,
 * questions, comments and throttled reminders ({@link ApprovalDecisions} holds people's decisions). Each checks what
 * is allowed against the row it locked first.
 */
public final class ApprovalCommands {
    private static final Logger log = LoggerFactory.getLogger(ApprovalCommands.class);

    private final ApprovalLog approvals;
    private final Duration reminderInterval;

    ApprovalCommands(ApprovalLog approvals, Duration reminderInterval) {
        this.approvals = approvals;
        this.reminderInterval = reminderInterval;
    }

    /** Queues {@code request} and announces it; its expiry and a reminder halfway there go on the schedule. */
    @SuppressWarnings("unchecked")
    public Approval request(UnitOfWork work, ApprovalRequest request) {
        approvals.lock.shared(work);
        RecordedEvent decision = request.decision();
        ActionClass actionClass = ActionClasses.of(request.actionClass());
        Instant now = later(approvals.clock.instant(), decision.timestamp());
        UUID id = UUID.nameUUIDFromBytes(("approval/" + decision.eventId()).getBytes(StandardCharsets.UTF_8));
        Optional<Approval> existing = approvals.store.find(work, id);
        if (existing.isPresent()) {
            return existing.get(); // the same decision delivered again: it is queued already
        }
        var evidence = new ArrayList<UUID>();
        evidence.add(decision.eventId());
        if (decision.causationId() != null) {
            evidence.add(decision.causationId());
        }
        double confidence =
                decision.confidence() == null ? 1.0 : decision.confidence().value();
        Duration timeout = approvals.timeout(actionClass);
        Instant timeoutAt = approvals.deadlines.after(work, decision.correlationId(), now, timeout);
        var requested = new ApprovalEvent.Requested(
                request.clientId(),
                id,
                decision.eventId(),
                decision.type(),
                decision.emittedBy(),
                request.recommendedAction(),
                actionClass.name(),
                confidence,
                request.reasons(),
                request.role(),
                request.priority(),
                timeoutAt,
                request.requiredApprovals(),
                EventCodec.read(request.decisionContext(), Map.class),
                evidence,
                request.silenceApproves(),
                approvals.deadlines.after(work, decision.correlationId(), now, timeout.dividedBy(2)));
        Approval approval = approvals.record(
                work,
                id,
                decision.correlationId(),
                decision.eventId(),
                request.ceoInterrupt() ? EventTypes.CEO_INTERRUPT_REQUIRED : EventTypes.HUMAN_APPROVAL_REQUESTED,
                requested,
                request.requestedBy(),
                decision.confidence(),
                now);
        log.info(
                "Approval {} requested for {} {} by {} ({}, {} priority, to {}, expires {})",
                id,
                decision.type(),
                decision.stream(),
                decision.emittedBy(),
                actionClass.name(),
                request.priority(),
                request.role(),
                timeoutAt);
        return approval;
    }

    public Approval assign(UnitOfWork work, UUID id, @Nullable String role, @Nullable String user, String by) {
        requireText("assigned_by", by);
        approvals.lock.shared(work);
        Approval before = approvals.pendingLocked(work, id);
        String checkedRole = role == null ? before.assignedRole() : ActionClasses.checkRole("role", role);
        String checkedUser = user == null || user.isBlank() ? null : user.strip();
        if (role == null && checkedUser == null) {
            throw new InvalidInputException("role", "name a role, a user, or both");
        }
        return approvals.record(
                work,
                before,
                new ApprovalEvent.Assigned(before.clientId(), id, checkedRole, checkedUser, by),
                by,
                approvals.clock.instant());
    }

    public Approval requestInfo(UnitOfWork work, UUID id, String by, String question) {
        requireText("requested_by", by);
        requireText("question", question);
        approvals.lock.shared(work);
        Approval before = approvals.pendingLocked(work, id);
        return approvals.record(
                work,
                before,
                new ApprovalEvent.InfoRequested(before.clientId(), id, by, question, UUID.randomUUID()),
                by,
                approvals.clock.instant());
    }

    public ApprovalComment comment(UnitOfWork work, UUID id, String author, String body) {
        requireText("author", author);
        requireText("body", body);
        if (body.length() > 10_000) {
            throw new InvalidInputException("body", "body is longer than 10000 characters");
        }
        approvals.lock.shared(work);
        Approval approval = approvals.store.lock(work, id).orElseThrow(() -> ApprovalLog.notFound(id));
        var commented =
                new ApprovalEvent.Commented(approval.clientId(), id, UUID.randomUUID(), author.strip(), body.strip());
        RecordedEvent stored = approvals.append(work, approval, commented, author.strip(), approvals.clock.instant());
        return new ApprovalComment(commented.commentId(), id, commented.author(), commented.body(), stored.timestamp());
    }

    /**
     * A person reminds whoever holds the approval, at most once per reminder interval.
     *
     * @throws ThrottledException when the last reminder was too recent
     */
    public Approval remind(UnitOfWork work, UUID id, String by) {
        requireText("reminded_by", by);
        approvals.lock.shared(work);
        Approval before = approvals.pendingLocked(work, id);
        Instant now = approvals.clock.instant();
        if (before.lastRemindedAt() != null && before.lastRemindedAt().isAfter(now.minus(reminderInterval))) {
            Instant allowed = before.lastRemindedAt().plus(reminderInterval);
            throw new ThrottledException(
                    "approval " + id + " was reminded at " + before.lastRemindedAt() + "; the next reminder can go at "
                            + allowed,
                    allowed,
                    Duration.between(now, allowed));
        }
        return approvals.reminded(work, before, by, now);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}

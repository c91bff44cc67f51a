package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.ThrottledException;
import com.bigbox.autonomic.chaos.HumanAbsence;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What changes an approval: Oversight's request, people's decisions (each an event the flow continues from),
 * assignment, questions, comments and throttled reminders. Each checks what is allowed against the row it locked
 * first, so of two people deciding at once the second finds it decided; a role that a chaos experiment made absent
 * answers nothing.
 */
public final class ApprovalCommands {
    private static final Logger log = LoggerFactory.getLogger(ApprovalCommands.class);

    private final ApprovalLog approvals;
    private final HumanAbsence absence;
    private final Duration reminderInterval;

    ApprovalCommands(ApprovalLog approvals, HumanAbsence absence, Duration reminderInterval) {
        this.approvals = approvals;
        this.absence = absence;
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

    /**
     * A person's decision. Approving a chain's approval records one approver until enough different
     * people have approved; the decision that resolves it appends {@code HUMAN_APPROVAL_GRANTED},
     * {@code HUMAN_OVERRIDE} or {@code HUMAN_APPROVAL_REJECTED}.
     *
     * @throws ConflictException when it is no longer pending, this person already approved it, or the role
     *     that holds it is absent
     */
    public Approval decide(UnitOfWork work, UUID id, DecisionCommand command) {
        approvals.lock.shared(work);
        Approval before = approvals.pendingLocked(work, id);
        refuseIfAbsent(before);
        Instant now = approvals.clock.instant();
        String by = command.by();
        ApprovalEvent event = switch (command) {
            case DecisionCommand.Reject r ->
                new ApprovalEvent.Rejected(
                        before.clientId(),
                        id,
                        before.eventId(),
                        before.decisionEventType(),
                        before.agentId(),
                        by,
                        r.notes());
            case DecisionCommand.Approve a -> approval(before, by, a.notes(), Map.of());
            case DecisionCommand.Modify m -> {
                checkModifications(work, before, m.modifications());
                yield approval(before, by, m.notes(), m.modifications());
            }
        };
        Approval decided = approvals.record(work, before, event, by, now);
        if (decided.pending()) {
            log.info(
                    "Approval {} approved by {} ({} of {})",
                    id,
                    by,
                    decided.approvedBy().size(),
                    decided.requiredApprovals());
        } else {
            log.info(
                    "Approval {} {} by {} ({} {})",
                    id,
                    decided.resolution(),
                    by,
                    decided.decisionEventType(),
                    decided.agentId());
        }
        return decided;
    }

    // One more approver: a step of the chain, or the decision that resolves it (modified when anyone changed it).
    private static ApprovalEvent approval(Approval before, String by, String notes, Map<String, Object> changes) {
        if (before.approvedBy().contains(by)) {
            throw new ConflictException(by + " already approved approval " + before.approvalId() + "; it needs "
                    + before.requiredApprovals() + " different approvers (" + before.approvedBy() + " so far)");
        }
        int approvers = before.approvedBy().size() + 1;
        if (approvers < before.requiredApprovals()) {
            return new ApprovalEvent.StepApproved(
                    before.clientId(), before.approvalId(), by, approvers, before.requiredApprovals(), notes, changes);
        }
        var all = new LinkedHashMap<>(before.modificationsMap());
        all.putAll(changes);
        String effectiveNotes = notes != null ? notes : before.resolutionNotes();
        return all.isEmpty()
                ? new ApprovalEvent.Granted(
                        before.clientId(),
                        before.approvalId(),
                        before.eventId(),
                        before.decisionEventType(),
                        before.agentId(),
                        by,
                        effectiveNotes)
                : new ApprovalEvent.Overridden(
                        before.clientId(),
                        before.approvalId(),
                        before.eventId(),
                        before.decisionEventType(),
                        before.agentId(),
                        by,
                        effectiveNotes,
                        all);
    }

    /** Decides every pending approval {@code filter} matches (up to its limit); one already decided is reported, not fatal. */
    public BulkResult bulk(UnitOfWork work, ApprovalFilter filter, DecisionCommand command) {
        if (command instanceof DecisionCommand.Modify) {
            throw new InvalidInputException(
                    "decision", "a bulk decision approves or rejects; modify approvals one at a time");
        }
        List<Approval> matched = approvals.store.list(work, filter.withStatus(Approval.PENDING));
        var items = new ArrayList<BulkResult.Item>();
        int decided = 0;
        for (Approval approval : matched) {
            try {
                Approval result = decide(work, approval.approvalId(), command);
                items.add(new BulkResult.Item(
                        approval.approvalId(), result.pending() ? "step_approved" : result.status(), null));
                decided++;
            } catch (ConflictException e) {
                items.add(new BulkResult.Item(approval.approvalId(), "conflict", e.getMessage()));
            }
        }
        log.info(
                "Bulk {} by {}: {} matched, {} decided",
                command.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                command.by(),
                matched.size(),
                decided);
        return new BulkResult(matched.size(), decided, matched.size() - decided, items);
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

    private void refuseIfAbsent(Approval approval) {
        if (approval.assignedRole() == null) {
            return;
        }
        absence.absentUntil(approval.assignedRole()).ifPresent(until -> {
            throw new ConflictException(
                    "approval " + approval.approvalId() + " is held by the role " + approval.assignedRole()
                            + ", which answers nothing until " + until
                            + " (chaos experiment: simulate_human_absence); it waits for"
                            + " its expiry, then silence approves it or it escalates");
        });
    }

    // A person may change the decision's fields, not invent new ones.
    private static void checkModifications(UnitOfWork work, Approval approval, Map<String, Object> modifications) {
        RecordedEvent decision = work.find(approval.eventId())
                .orElseThrow(() -> new NotFoundException("the decision " + approval.eventId() + " of approval "
                        + approval.approvalId() + " does not exist"));
        JsonNode payload = EventCodec.tree(decision.payload());
        for (String field : modifications.keySet()) {
            if (!payload.has(field)) {
                throw new InvalidInputException(
                        "modifications." + field,
                        "the decision (" + decision.type() + ") has no field '" + field + "'; it has "
                                + fieldNames(payload));
            }
            if (field.equals("client_id")) {
                throw new InvalidInputException("modifications.client_id", "a decision's client cannot be changed");
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
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

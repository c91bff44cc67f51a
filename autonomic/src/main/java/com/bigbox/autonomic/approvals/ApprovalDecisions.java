package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.chaos.HumanAbsence;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's decisions on an approval: approve (one step of a chain, or the decision that resolves it), modify, reject,
 * one at a time or in bulk; each resolving decision is an event the flow continues from. Each checks what is allowed
 * against the row it locked first, so of two people deciding at once the second finds it decided; a role that a chaos
 * experiment made absent answers nothing.
 */
final class ApprovalDecisions {
    // Logs under the name the decisions had before they left ApprovalCommands: the same lines for whoever greps them.
    private static final Logger log = LoggerFactory.getLogger(ApprovalCommands.class);

    private final ApprovalLog approvals;
    private final HumanAbsence absence;

    ApprovalDecisions(ApprovalLog approvals, HumanAbsence absence) {
        this.approvals = approvals;
        this.absence = absence;
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
}

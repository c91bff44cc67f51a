package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code human_approvals}: the seed's columns and what the queue needs. A row is the fold of
 * its approval's events ({@link #requested}, then {@link #apply} for each later one), in the live system
 * and in a rebuild alike.
 *
 * @param eventId the decision waiting for a person
 * @param decisionContext JSON object: the decision, its reasons and Oversight's
 * @param status pending, approved, rejected or timeout
 * @param resolution how it ended: approved, modified, rejected, approved_by_silence, expired
 * @param evidence the events the decision rests on
 * @param approvedBy who approved so far (a chain needs {@code requiredApprovals} different people)
 * @param modifications JSON object of fields a person changed, or null
 */
public record Approval(
        UUID approvalId,
        UUID eventId,
        String agentId,
        String decisionContext,
        String recommendedAction,
        double confidence,
        String status,
        Instant timeoutAt,
        @Nullable Instant resolvedAt,
        @Nullable String resolvedBy,
        @Nullable String resolutionNotes,
        Instant createdAt,
        @Nullable String clientId,
        UUID correlationId,
        String decisionEventType,
        List<UUID> evidence,
        String actionClass,
        String assignedRole,
        @Nullable String assignedTo,
        String priority,
        int escalationLevel,
        int requiredApprovals,
        List<String> approvedBy,
        boolean silenceApproves,
        boolean infoRequested,
        @Nullable Instant lastRemindedAt,
        int remindersSent,
        @Nullable String modifications,
        @Nullable String resolution,
        Instant updatedAt) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String TIMEOUT = "timeout";
    public static final String SILENCE = "system:silence";
    public static final String EXPIRY = "system:expiry";

    public Approval {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
    }

    public boolean pending() {
        return PENDING.equals(status);
    }

    /** The approval a request opens, at {@code at}, in the flow {@code correlationId}. */
    public static Approval requested(ApprovalEvent.Requested r, UUID correlationId, Instant at) {
        String context = r.decisionContext() == null ? "{}" : EventCodec.write(r.decisionContext());
        return new Approval(
                r.approvalId(),
                r.decisionEventId(),
                r.agentId(),
                context,
                r.recommendedAction(),
                r.confidence(),
                PENDING,
                r.timeoutAt(),
                null,
                null,
                null,
                at,
                r.clientId(),
                correlationId,
                r.decisionEventType(),
                r.evidence(),
                r.actionClass(),
                r.assignedRole(),
                null,
                r.priority(),
                0,
                r.requiredApprovals(),
                List.of(),
                r.silenceApproves(),
                false,
                null,
                0,
                null,
                null,
                at);
    }

    /** This approval after {@code event}, which happened at {@code at}. */
    public Approval apply(ApprovalEvent event, Instant at) {
        return switch (event) {
            case ApprovalEvent.Requested r -> this;
            case ApprovalEvent.StepApproved s -> stepApproved(s, at);
            case ApprovalEvent.Granted g -> approved("approved", g.decidedBy(), g.notes(), modifications, at);
            case ApprovalEvent.Overridden o ->
                approved("modified", o.decidedBy(), o.notes(), EventCodec.write(o.modifications()), at);
            case ApprovalEvent.Rejected r ->
                resolved(REJECTED, "rejected", r.decidedBy(), r.notes(), approvedBy, modifications, at);
            case ApprovalEvent.ApprovedBySilence s -> approvedBySilence(s, at);
            case ApprovalEvent.Expired x -> expired(x, at);
            case ApprovalEvent.Escalated e ->
                routed(e.timeoutAt(), e.toRole(), null, e.priority(), e.escalationLevel(), at);
            case ApprovalEvent.Assigned a -> routed(timeoutAt, a.role(), a.assignedTo(), priority, escalationLevel, at);
            case ApprovalEvent.InfoRequested i ->
                progressed(resolutionNotes, approvedBy, modifications, true, lastRemindedAt, remindersSent, at);
            case ApprovalEvent.ReminderSent r ->
                progressed(resolutionNotes, approvedBy, modifications, infoRequested, at, remindersSent + 1, at);
            case ApprovalEvent.Commented c -> this;
        };
    }

    /** Every field people changed so far, as a map (empty when none). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> modificationsMap() {
        return modifications == null ? Map.of() : EventCodec.read(modifications, Map.class);
    }

    private Approval stepApproved(ApprovalEvent.StepApproved s, Instant at) {
        String notes = s.notes() != null ? s.notes() : resolutionNotes;
        String changes = merged(modifications, s.modifications());
        return progressed(
                notes, plus(approvedBy, s.approvedBy()), changes, infoRequested, lastRemindedAt, remindersSent, at);
    }

    // The decision that resolves it: by is the last approver a chain needed, or the only one.
    private Approval approved(String how, String by, @Nullable String notes, @Nullable String changes, Instant at) {
        return resolved(APPROVED, how, by, notes, plus(approvedBy, by), changes, at);
    }

    private Approval approvedBySilence(ApprovalEvent.ApprovedBySilence s, Instant at) {
        String notes = "no answer by "
                + DateTimeFormatter.ISO_INSTANT.format(s.expiredAt().truncatedTo(ChronoUnit.SECONDS))
                + "; the action class lets silence approve";
        return resolved(APPROVED, "approved_by_silence", SILENCE, notes, approvedBy, modifications, at);
    }

    private Approval expired(ApprovalEvent.Expired x, Instant at) {
        String notes =
                "no answer from " + (x.lastRole() == null ? "anyone" : x.lastRole()) + ", nobody left to escalate to";
        return resolved(TIMEOUT, "expired", EXPIRY, notes, approvedBy, modifications, at);
    }

    // Decided: the status, who decided and how; the approvers and the changes as they stand at the end.
    private Approval resolved(
            String newStatus,
            String how,
            String by,
            @Nullable String notes,
            List<String> approvers,
            @Nullable String changes,
            Instant at) {
        return new Approval(
                approvalId,
                eventId,
                agentId,
                decisionContext,
                recommendedAction,
                confidence,
                newStatus,
                timeoutAt,
                at,
                by,
                notes,
                createdAt,
                clientId,
                correlationId,
                decisionEventType,
                evidence,
                actionClass,
                assignedRole,
                assignedTo,
                priority,
                escalationLevel,
                requiredApprovals,
                approvers,
                silenceApproves,
                infoRequested,
                lastRemindedAt,
                remindersSent,
                changes,
                how,
                at);
    }

    // Still pending, sent to someone else: a new holder, and on escalation a new deadline, priority and level.
    private Approval routed(
            Instant newTimeoutAt, String role, @Nullable String to, String newPriority, int level, Instant at) {
        return new Approval(
                approvalId,
                eventId,
                agentId,
                decisionContext,
                recommendedAction,
                confidence,
                status,
                newTimeoutAt,
                resolvedAt,
                resolvedBy,
                resolutionNotes,
                createdAt,
                clientId,
                correlationId,
                decisionEventType,
                evidence,
                actionClass,
                role,
                to,
                newPriority,
                level,
                requiredApprovals,
                approvedBy,
                silenceApproves,
                infoRequested,
                lastRemindedAt,
                remindersSent,
                modifications,
                resolution,
                at);
    }

    // Still pending with the same holder: a step of a chain approved, information asked for, or a reminder sent.
    private Approval progressed(
            @Nullable String notes,
            List<String> approvers,
            @Nullable String changes,
            boolean askedForInfo,
            @Nullable Instant remindedAt,
            int reminders,
            Instant at) {
        return new Approval(
                approvalId,
                eventId,
                agentId,
                decisionContext,
                recommendedAction,
                confidence,
                status,
                timeoutAt,
                resolvedAt,
                resolvedBy,
                notes,
                createdAt,
                clientId,
                correlationId,
                decisionEventType,
                evidence,
                actionClass,
                assignedRole,
                assignedTo,
                priority,
                escalationLevel,
                requiredApprovals,
                approvers,
                silenceApproves,
                askedForInfo,
                remindedAt,
                reminders,
                changes,
                resolution,
                at);
    }

    private static List<String> plus(List<String> approvers, String by) {
        var next = new ArrayList<>(approvers);
        next.add(by);
        return next;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable String merged(@Nullable String json, Map<String, Object> changes) {
        if (changes.isEmpty()) {
            return json;
        }
        var all = new LinkedHashMap<String, Object>(json == null ? Map.of() : EventCodec.read(json, Map.class));
        all.putAll(changes);
        return EventCodec.write(all);
    }
}

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
            case ApprovalEvent.StepApproved s ->
                new Approval(
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
                        s.notes() != null ? s.notes() : resolutionNotes,
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
                        plus(approvedBy, s.approvedBy()),
                        silenceApproves,
                        infoRequested,
                        lastRemindedAt,
                        remindersSent,
                        merged(modifications, s.modifications()),
                        resolution,
                        at);
            case ApprovalEvent.Granted g ->
                resolved(
                        APPROVED,
                        "approved",
                        g.decidedBy(),
                        g.notes(),
                        plus(approvedBy, g.decidedBy()),
                        modifications,
                        at);
            case ApprovalEvent.Overridden o ->
                resolved(
                        APPROVED,
                        "modified",
                        o.decidedBy(),
                        o.notes(),
                        plus(approvedBy, o.decidedBy()),
                        EventCodec.write(o.modifications()),
                        at);
            case ApprovalEvent.Rejected r ->
                resolved(REJECTED, "rejected", r.decidedBy(), r.notes(), approvedBy, modifications, at);
            case ApprovalEvent.ApprovedBySilence s ->
                resolved(
                        APPROVED,
                        "approved_by_silence",
                        SILENCE,
                        "no answer by "
                                + DateTimeFormatter.ISO_INSTANT.format(
                                        s.expiredAt().truncatedTo(ChronoUnit.SECONDS))
                                + "; the action class lets silence approve",
                        approvedBy,
                        modifications,
                        at);
            case ApprovalEvent.Expired x ->
                resolved(
                        TIMEOUT,
                        "expired",
                        EXPIRY,
                        "no answer from " + (x.lastRole() == null ? "anyone" : x.lastRole())
                                + ", nobody left to escalate to",
                        approvedBy,
                        modifications,
                        at);
            case ApprovalEvent.Escalated e ->
                new Approval(
                        approvalId,
                        eventId,
                        agentId,
                        decisionContext,
                        recommendedAction,
                        confidence,
                        status,
                        e.timeoutAt(),
                        resolvedAt,
                        resolvedBy,
                        resolutionNotes,
                        createdAt,
                        clientId,
                        correlationId,
                        decisionEventType,
                        evidence,
                        actionClass,
                        e.toRole(),
                        null,
                        e.priority(),
                        e.escalationLevel(),
                        requiredApprovals,
                        approvedBy,
                        silenceApproves,
                        infoRequested,
                        lastRemindedAt,
                        remindersSent,
                        modifications,
                        resolution,
                        at);
            case ApprovalEvent.Assigned a ->
                new Approval(
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
                        resolutionNotes,
                        createdAt,
                        clientId,
                        correlationId,
                        decisionEventType,
                        evidence,
                        actionClass,
                        a.role(),
                        a.assignedTo(),
                        priority,
                        escalationLevel,
                        requiredApprovals,
                        approvedBy,
                        silenceApproves,
                        infoRequested,
                        lastRemindedAt,
                        remindersSent,
                        modifications,
                        resolution,
                        at);
            case ApprovalEvent.InfoRequested i ->
                new Approval(
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
                        resolutionNotes,
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
                        approvedBy,
                        silenceApproves,
                        true,
                        lastRemindedAt,
                        remindersSent,
                        modifications,
                        resolution,
                        at);
            case ApprovalEvent.ReminderSent r ->
                new Approval(
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
                        resolutionNotes,
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
                        approvedBy,
                        silenceApproves,
                        infoRequested,
                        at,
                        remindersSent + 1,
                        modifications,
                        resolution,
                        at);
            case ApprovalEvent.Commented c -> this;
        };
    }

    /** Every field people changed so far, as a map (empty when none). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> modificationsMap() {
        return modifications == null ? Map.of() : EventCodec.read(modifications, Map.class);
    }

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

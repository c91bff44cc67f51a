package com.bigbox.server.approvals;

import com.bigbox.autonomic.approvals.Approval;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code human_approvals} as the API shows it: the seed's column names, JSON as JSON. */
public record ApprovalView(
        UUID approval_id,
        UUID event_id,
        String agent_id,
        @JsonRawValue String decision_context,
        String recommended_action,
        BigDecimal confidence,
        String status,
        Instant timeout_at,
        Instant resolved_at,
        String resolved_by,
        String resolution_notes,
        Instant created_at,
        String client_id,
        UUID correlation_id,
        String decision_event_type,
        List<UUID> evidence,
        String action_class,
        String assigned_role,
        String assigned_to,
        String priority,
        int escalation_level,
        int required_approvals,
        List<String> approved_by,
        boolean silence_approves,
        boolean info_requested,
        Instant last_reminded_at,
        int reminders_sent,
        @JsonRawValue String modifications,
        String resolution,
        Instant updated_at) {

    public static ApprovalView of(Approval a) {
        return new ApprovalView(
                a.approvalId(),
                a.eventId(),
                a.agentId(),
                a.decisionContext(),
                a.recommendedAction(),
                BigDecimal.valueOf(a.confidence()).setScale(2, RoundingMode.HALF_UP),
                a.status(),
                a.timeoutAt(),
                a.resolvedAt(),
                a.resolvedBy(),
                a.resolutionNotes(),
                a.createdAt(),
                a.clientId(),
                a.correlationId(),
                a.decisionEventType(),
                a.evidence(),
                a.actionClass(),
                a.assignedRole(),
                a.assignedTo(),
                a.priority(),
                a.escalationLevel(),
                a.requiredApprovals(),
                a.approvedBy(),
                a.silenceApproves(),
                a.infoRequested(),
                a.lastRemindedAt(),
                a.remindersSent(),
                a.modifications(),
                a.resolution(),
                a.updatedAt());
    }
}

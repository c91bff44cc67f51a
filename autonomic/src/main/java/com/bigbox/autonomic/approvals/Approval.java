package com.bigbox.autonomic.approvals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code human_approvals}: the seed's columns and what the queue needs.
 *
 * @param eventId the decision waiting for a person
 * @param decisionContext JSON object: the decision, its reasons and Oversight's
 * @param status pending, approved, rejected or timeout
 * @param resolution how it ended: approved, modified, rejected, approved_by_silence, expired
 * @param evidence the events the decision rests on
 * @param approvedBy who approved so far (a chain needs {@code requiredApprovals} different people)
 * @param modifications JSON object of fields a person changed, or null
 */
public record Approval(UUID approvalId, UUID eventId, String agentId, String decisionContext, String recommendedAction,
        double confidence, String status, Instant timeoutAt, Instant resolvedAt, String resolvedBy, String resolutionNotes,
        Instant createdAt, String clientId, UUID correlationId, String decisionEventType, List<UUID> evidence,
        String actionClass, String assignedRole, String assignedTo, String priority, int escalationLevel,
        int requiredApprovals, List<String> approvedBy, boolean silenceApproves, boolean infoRequested,
        Instant lastRemindedAt, int remindersSent, String modifications, String resolution, Instant updatedAt) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String TIMEOUT = "timeout";

    public Approval {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
    }

    public boolean pending() {
        return PENDING.equals(status);
    }
}

package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.InvalidInputException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which approvals a list or a bulk decision covers; null fields do not filter. */
public record ApprovalFilter(
        @Nullable String status,
        @Nullable String agentId,
        @Nullable String actionClass,
        @Nullable String assignedRole,
        @Nullable String assignedTo,
        @Nullable String priority,
        @Nullable String clientId,
        @Nullable Double maxConfidence,
        @Nullable String decisionEventType,
        int limit,
        int offset) {
    public static final int MAX_LIMIT = 500;
    static final Set<String> STATUSES =
            Set.of(Approval.PENDING, Approval.APPROVED, Approval.REJECTED, Approval.TIMEOUT);
    static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "critical");

    public ApprovalFilter {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "status must be one of " + STATUSES + ", was '" + status + "'");
        }
        if (priority != null && !PRIORITIES.contains(priority)) {
            throw new InvalidInputException(
                    "priority", "priority must be one of " + PRIORITIES + ", was '" + priority + "'");
        }
        if (assignedRole != null) {
            ActionClasses.checkRole("assigned_role", assignedRole);
        }
        if (maxConfidence != null && (maxConfidence < 0 || maxConfidence > 1)) {
            throw new InvalidInputException("max_confidence", "max_confidence must be between 0 and 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must not be negative");
        }
    }

    public static ApprovalFilter pending() {
        return new ApprovalFilter(Approval.PENDING, null, null, null, null, null, null, null, null, 100, 0);
    }

    public ApprovalFilter withLimit(int n) {
        return new ApprovalFilter(
                status,
                agentId,
                actionClass,
                assignedRole,
                assignedTo,
                priority,
                clientId,
                maxConfidence,
                decisionEventType,
                n,
                offset);
    }

    public ApprovalFilter withStatus(String s) {
        return new ApprovalFilter(
                s,
                agentId,
                actionClass,
                assignedRole,
                assignedTo,
                priority,
                clientId,
                maxConfidence,
                decisionEventType,
                limit,
                offset);
    }
}

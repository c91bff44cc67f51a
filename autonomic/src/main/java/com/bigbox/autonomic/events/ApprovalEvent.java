package com.bigbox.autonomic.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The life of one human approval ({@code APPROVAL/<approval id>}). */
public sealed interface ApprovalEvent extends DomainEvent {
    UUID approvalId();

    /**
     * A decision waits for a person ({@code HUMAN_APPROVAL_REQUESTED}, or {@code CEO_INTERRUPT_REQUIRED}
     * when it is the CEO's to take).
     *
     * @param requiredApprovals how many different people must approve (2 where an SOP demands dual approval)
     */
    record Requested(String clientId, UUID approvalId, UUID decisionEventId, String decisionEventType, String agentId,
            String recommendedAction, String actionClass, double confidence, List<String> reasons, String assignedRole,
            String priority, Instant timeoutAt, int requiredApprovals) implements ApprovalEvent {
        public Requested {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** One approver of a multi-step chain approved; more are needed. */
    record StepApproved(String clientId, UUID approvalId, String approvedBy, int step, int of) implements ApprovalEvent {}

    record Granted(String clientId, UUID approvalId, UUID decisionEventId, String decisionEventType, String agentId,
            String decidedBy, String notes) implements ApprovalEvent, Release {
        @Override
        public boolean byHuman() {
            return true;
        }
    }

    record Rejected(String clientId, UUID approvalId, UUID decisionEventId, String decisionEventType, String agentId,
            String decidedBy, String notes) implements ApprovalEvent {}

    /** {@code HUMAN_OVERRIDE}: approved with changes; the flow continues with the decision as modified. */
    record Overridden(String clientId, UUID approvalId, UUID decisionEventId, String decisionEventType, String agentId,
            String decidedBy, String notes, Map<String, Object> modifications) implements ApprovalEvent, Release {
        public Overridden {
            modifications = modifications == null ? Map.of() : Map.copyOf(modifications);
        }

        @Override
        public boolean byHuman() {
            return true;
        }
    }

    /** The approval expired unanswered and its action class lets silence approve. */
    record ApprovedBySilence(String clientId, UUID approvalId, UUID decisionEventId, String decisionEventType,
            String agentId, Instant expiredAt) implements ApprovalEvent, Release {
        @Override
        public boolean byHuman() {
            return false;
        }
    }

    record Escalated(String clientId, UUID approvalId, String fromRole, String toRole, int escalationLevel,
            Instant timeoutAt) implements ApprovalEvent {}

    /** Expired with nobody left to escalate to: the decision does not take effect. */
    record Expired(String clientId, UUID approvalId, UUID decisionEventId, String lastRole) implements ApprovalEvent {}

    record Assigned(String clientId, UUID approvalId, String role, String assignedTo, String assignedBy)
            implements ApprovalEvent {}

    record InfoRequested(String clientId, UUID approvalId, String requestedBy, String question) implements ApprovalEvent {}

    record ReminderSent(String clientId, UUID approvalId, String role, String assignedTo, String sentBy)
            implements ApprovalEvent {}
}

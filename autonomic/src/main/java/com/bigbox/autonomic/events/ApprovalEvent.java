package com.bigbox.autonomic.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The life of one human approval ({@code APPROVAL/<approval id>}). Each event carries everything its
 * change of the {@code human_approvals} row needs, so the row is the fold of its stream (replay
 * rebuilds it); the time of a change is the event's {@code timestamp}.
 */
public sealed interface ApprovalEvent extends DomainEvent {
    UUID approvalId();

    /**
     * A decision waits for a person ({@code HUMAN_APPROVAL_REQUESTED}, or {@code CEO_INTERRUPT_REQUIRED}
     * when it is the CEO's to take).
     *
     * @param requiredApprovals how many different people must approve (2 where an SOP demands dual approval)
     * @param decisionContext what the queue shows about the decision (a JSON object)
     * @param evidence the events the decision rests on
     * @param silenceApproves whether silence approves it when it expires
     * @param remindAt when whoever holds it is reminded, if still pending
     */
    record Requested(
            @Nullable String clientId,
            UUID approvalId,
            UUID decisionEventId,
            String decisionEventType,
            String agentId,
            String recommendedAction,
            String actionClass,
            double confidence,
            List<String> reasons,
            String assignedRole,
            String priority,
            Instant timeoutAt,
            int requiredApprovals,
            Map<String, Object> decisionContext,
            List<UUID> evidence,
            boolean silenceApproves,
            Instant remindAt)
            implements ApprovalEvent {
        public Requested {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * One approver of a multi-step chain approved; more are needed.
     *
     * @param modifications fields this approver changed (merged into the approval's), or empty
     */
    record StepApproved(
            @Nullable String clientId,
            UUID approvalId,
            String approvedBy,
            int step,
            int of,
            @Nullable String notes,
            Map<String, Object> modifications)
            implements ApprovalEvent {
        public StepApproved {
            modifications = modifications == null ? Map.of() : Map.copyOf(modifications);
        }
    }

    /** @param notes the approval's notes as it resolved (this approver's, else an earlier one's) */
    record Granted(
            @Nullable String clientId,
            UUID approvalId,
            UUID decisionEventId,
            String decisionEventType,
            String agentId,
            String decidedBy,
            @Nullable String notes)
            implements ApprovalEvent, Release {
        @Override
        public boolean byHuman() {
            return true;
        }
    }

    record Rejected(
            @Nullable String clientId,
            UUID approvalId,
            UUID decisionEventId,
            String decisionEventType,
            String agentId,
            String decidedBy,
            @Nullable String notes)
            implements ApprovalEvent {}

    /**
     * {@code HUMAN_OVERRIDE}: approved with changes; the flow continues with the decision as modified.
     *
     * @param modifications every field changed, by this approver and earlier ones of its chain
     */
    record Overridden(
            @Nullable String clientId,
            UUID approvalId,
            UUID decisionEventId,
            String decisionEventType,
            String agentId,
            String decidedBy,
            @Nullable String notes,
            Map<String, Object> modifications)
            implements ApprovalEvent, Release {
        public Overridden {
            modifications = modifications == null ? Map.of() : Map.copyOf(modifications);
        }

        @Override
        public boolean byHuman() {
            return true;
        }
    }

    /** The approval expired unanswered and its action class lets silence approve. */
    record ApprovedBySilence(
            @Nullable String clientId,
            UUID approvalId,
            UUID decisionEventId,
            String decisionEventType,
            String agentId,
            Instant expiredAt)
            implements ApprovalEvent, Release {
        @Override
        public boolean byHuman() {
            return false;
        }
    }

    /** @param priority the approval's priority from now on (each escalation raises it) */
    record Escalated(
            @Nullable String clientId,
            UUID approvalId,
            String fromRole,
            String toRole,
            int escalationLevel,
            Instant timeoutAt,
            String priority,
            Instant remindAt)
            implements ApprovalEvent {}

    /** Expired with nobody left to escalate to: the decision does not take effect. */
    record Expired(
            @Nullable String clientId,
            UUID approvalId,
            UUID decisionEventId,
            @Nullable String lastRole) implements ApprovalEvent {}

    record Assigned(
            @Nullable String clientId,
            UUID approvalId,
            String role,
            @Nullable String assignedTo,
            String assignedBy) implements ApprovalEvent {}

    /** @param commentId the comment that holds the question */
    record InfoRequested(
            @Nullable String clientId, UUID approvalId, String requestedBy, String question, UUID commentId)
            implements ApprovalEvent {}

    record ReminderSent(
            @Nullable String clientId,
            UUID approvalId,
            @Nullable String role,
            @Nullable String assignedTo,
            String sentBy)
            implements ApprovalEvent {}

    /** {@code HUMAN_APPROVAL_COMMENTED}: a person wrote on the approval. */
    record Commented(@Nullable String clientId, UUID approvalId, UUID commentId, String author, String body)
            implements ApprovalEvent {}
}

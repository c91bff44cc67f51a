package com.bigbox.autonomic.approvals;

import com.bigbox.core.RecordedEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A decision that a person must take, as Oversight hands it over.
 *
 * @param clientId the client the decision concerns, or null (a loop's own proposal concerns none)
 * @param decisionContext JSON object: what the queue shows about the decision
 * @param role who gets it first
 * @param ceoInterrupt whether it is the CEO's ({@code CEO_INTERRUPT_REQUIRED}) rather than the queue's
 * @param requestedBy the emitter of the request event (the governor)
 */
public record ApprovalRequest(
        RecordedEvent decision,
        @Nullable String clientId,
        String recommendedAction,
        String decisionContext,
        String actionClass,
        String role,
        String priority,
        boolean silenceApproves,
        int requiredApprovals,
        List<String> reasons,
        boolean ceoInterrupt,
        String requestedBy) {
    public ApprovalRequest {
        reasons = List.copyOf(reasons);
    }
}

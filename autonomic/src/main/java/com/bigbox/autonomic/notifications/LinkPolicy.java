package com.bigbox.autonomic.notifications;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.approvals.Approval;

/**
 * Which approvals may be decided from the message's link alone. Only low-risk ones, and only where
 * the operator allows it: an action class that silence would approve anyway, one approver, not the
 * CEO's, still pending. Everything else needs a sign-in: the link opens the dashboard.
 */
public record LinkPolicy(boolean lowRiskFromLink) {
    public boolean decidable(Approval approval, Trigger trigger) {
        if (!lowRiskFromLink
                || trigger == Trigger.CEO_INTERRUPT
                || trigger == Trigger.EXPIRED
                || !Approval.PENDING.equals(approval.status())) {
            return false;
        }
        return !"ceo".equals(approval.assignedRole())
                && !ActionClasses.CEO_DECISION.equals(approval.actionClass())
                && approval.requiredApprovals() <= 1
                && ActionClasses.of(approval.actionClass()).silenceApproves();
    }
}

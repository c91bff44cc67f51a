package com.bigbox.server.graphql;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalService;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.core.UnitOfWork;
import com.bigbox.server.approvals.Deciders;
import com.bigbox.server.auth.Caller;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * GraphQL's {@code decideApproval} through {@link ApprovalService}: the same checks, events and
 * continuation of the flow as {@code POST /api/v1/approvals/{id}/decision}, as the signed-in caller.
 */
public final class ServiceApprovalDecisions implements ApprovalDecisions {
    private final ApprovalService approvals;

    public ServiceApprovalDecisions(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public Map<String, Object> decide(UnitOfWork work, UUID approvalId, boolean approve, Caller decider, String notes) {
        Deciders.requireMayDecide(Optional.of(decider), approvals.get(work, approvalId));
        String decidedBy = decider.actor();
        DecisionCommand command =
                approve ? new DecisionCommand.Approve(decidedBy, notes) : new DecisionCommand.Reject(decidedBy, notes);
        return view(approvals.decide(work, approvalId, command));
    }

    private static Map<String, Object> view(Approval a) {
        var row = new LinkedHashMap<String, Object>();
        row.put("approvalId", a.approvalId().toString());
        row.put("eventId", a.eventId() == null ? null : a.eventId().toString());
        row.put("agentId", a.agentId());
        row.put("decisionContext", EventCodec.read(a.decisionContext(), Object.class));
        row.put("recommendedAction", a.recommendedAction());
        row.put("confidence", a.confidence());
        row.put("status", a.status());
        row.put("timeoutAt", text(a.timeoutAt()));
        row.put("resolvedAt", text(a.resolvedAt()));
        row.put("resolvedBy", a.resolvedBy());
        row.put("resolutionNotes", a.resolutionNotes());
        row.put("createdAt", text(a.createdAt()));
        return row;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

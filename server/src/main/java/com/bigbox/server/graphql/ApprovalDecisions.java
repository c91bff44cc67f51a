package com.bigbox.server.graphql;

import com.bigbox.core.UnitOfWork;
import java.util.Map;
import java.util.UUID;

/**
 * Decides a pending approval in the caller's transaction and returns the approval as GraphQL shows it.
 * {@link ServiceApprovalDecisions} decides through the autonomic approvals service, exactly as the REST
 * API does, so the flow continues from the decision.
 */
public interface ApprovalDecisions {
    Map<String, Object> decide(UnitOfWork work, UUID approvalId, boolean approve, String decidedBy, String notes);
}

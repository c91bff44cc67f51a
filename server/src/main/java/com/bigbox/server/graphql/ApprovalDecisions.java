package com.bigbox.server.graphql;

import com.bigbox.core.UnitOfWork;
import com.bigbox.server.auth.Caller;
import java.util.Map;
import java.util.UUID;

/**
 * Decides a pending approval in the caller's transaction and returns the approval as GraphQL shows it.
 * {@link ServiceApprovalDecisions} decides through the autonomic approvals service, exactly as the REST
 * API does, so the flow continues from the decision. The decider is the caller, never a name in the request.
 */
public interface ApprovalDecisions {
    Map<String, Object> decide(UnitOfWork work, UUID approvalId, boolean approve, Caller decider, String notes);
}

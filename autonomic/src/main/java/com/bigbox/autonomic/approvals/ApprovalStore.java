package com.bigbox.autonomic.approvals;

import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where approvals live ({@code human_approvals}, its comments and its audit trail). Rows are written only
 * by {@link ApprovalsProjection} from the approvals' events; the service reads them, and locks the one it
 * changes so that of two people deciding at once the second finds it decided.
 */
public interface ApprovalStore {
    Optional<Approval> find(UnitOfWork work, UUID approvalId);

    /** The approval, locked until the transaction ends. */
    Optional<Approval> lock(UnitOfWork work, UUID approvalId);

    List<Approval> list(UnitOfWork work, ApprovalFilter filter);

    /** Inserts or updates the row; {@code actor} is who the audit trail names for the change. */
    void save(UnitOfWork work, Approval approval, String actor);

    void addComment(UnitOfWork work, ApprovalComment comment, @Nullable String clientId);

    List<ApprovalComment> comments(UnitOfWork work, UUID approvalId);

    List<AuditEntry> audit(UnitOfWork work, UUID approvalId);

    ApprovalStats stats(UnitOfWork work, Instant now);

    /** Removes every approval with its comments and audit trail, before a rebuild. */
    void reset(UnitOfWork work);
}

package com.bigbox.autonomic.notifications;

import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.UUID;

/** Issues the signed, single-use, expiring link a message carries to its approval. */
public interface ApprovalLinks {
    /**
     * @param decidable whether the link itself may approve or reject (low-risk items, where policy allows);
     *     otherwise it opens the approval in the dashboard after sign-in
     * @return the absolute URL
     */
    String issue(UnitOfWork work, UUID approvalId, String subject, boolean decidable, Instant expiresAt);
}

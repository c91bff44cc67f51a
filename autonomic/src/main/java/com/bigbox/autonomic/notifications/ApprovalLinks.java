package com.bigbox.autonomic.notifications;

import java.time.Instant;
import java.util.UUID;

/** Issues the signed, single-use, expiring link a message carries to its approval. */
public interface ApprovalLinks {
    /**
     * Stores the link in a transaction of its own, committed before the URL is returned. The message
     * that carries it goes out before the delivery's own transaction commits, and its reader may open
     * the link at once (a mail client, a scanner, a test reading GreenMail): a link stored in that
     * transaction was not there yet (the page said "link not valid"), and was gone for good if the
     * delivery rolled back after sending.
     *
     * @param decidable whether the link itself may approve or reject (low-risk items, where policy allows);
     *     otherwise it opens the approval in the dashboard after sign-in
     * @return the absolute URL
     */
    String issue(UUID approvalId, String subject, boolean decidable, Instant expiresAt);
}

package com.bigbox.autonomic.approvals;

import java.time.Instant;
import java.util.UUID;

/** One entry of an approval's audit trail: the database writes one with every change of the row. */
public record AuditEntry(
        long auditId,
        UUID approvalId,
        String action,
        String actor,
        String fromStatus,
        String toStatus,
        String details,
        Instant at) {}

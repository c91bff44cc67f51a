package com.bigbox.server.approvals;

import com.bigbox.autonomic.approvals.AuditEntry;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/** An audit entry with its details as JSON. */
public record AuditView(
        long audit_id,
        UUID approval_id,
        String action,
        String actor,
        String from_status,
        String to_status,
        @JsonRawValue String details,
        Instant at) {
    static AuditView of(AuditEntry e) {
        return new AuditView(
                e.auditId(), e.approvalId(), e.action(), e.actor(), e.fromStatus(), e.toStatus(), e.details(), e.at());
    }
}

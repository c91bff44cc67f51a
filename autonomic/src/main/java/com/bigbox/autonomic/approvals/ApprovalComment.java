package com.bigbox.autonomic.approvals;

import java.time.Instant;
import java.util.UUID;

public record ApprovalComment(UUID commentId, UUID approvalId, String author, String body, Instant createdAt) {}

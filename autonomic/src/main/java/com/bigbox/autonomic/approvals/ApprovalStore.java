package com.bigbox.autonomic.approvals;

import com.bigbox.core.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where approvals live ({@code human_approvals}, its comments and audit trail). Every change is one
 * conditional update that only a pending row passes, so of two people deciding at once exactly one
 * changes it; an empty result means the row was not in a state to change. {@code actor} is written to
 * the audit trail.
 */
public interface ApprovalStore {
    void insert(UnitOfWork work, Approval approval);

    Optional<Approval> find(UnitOfWork work, UUID approvalId);

    List<Approval> list(UnitOfWork work, ApprovalFilter filter);

    /**
     * Adds {@code by} to the approvers (merging {@code modificationsJson}, when given) and, when that
     * makes enough approvers, resolves the approval: approved, or modified when anyone changed it.
     * Empty when it is not pending or {@code by} already approved it.
     */
    Optional<Approval> approve(UnitOfWork work, UUID approvalId, String by, String notes, String modificationsJson, Instant at);

    Optional<Approval> reject(UnitOfWork work, UUID approvalId, String by, String notes, Instant at);

    /** Approved by silence; only a pending approval whose time has come. */
    Optional<Approval> approveBySilence(UnitOfWork work, UUID approvalId, Instant at);

    /** Timed out with nobody left to escalate to; only a pending approval whose time has come. */
    Optional<Approval> expire(UnitOfWork work, UUID approvalId, Instant at);

    /** Moves a pending approval still at {@code fromLevel} to {@code toRole}, one level up, with a new deadline. */
    Optional<Approval> escalate(UnitOfWork work, UUID approvalId, int fromLevel, String toRole, Instant timeoutAt, String actor,
            Instant at);

    Optional<Approval> assign(UnitOfWork work, UUID approvalId, String role, String user, String actor, Instant at);

    Optional<Approval> requestInfo(UnitOfWork work, UUID approvalId, String actor, Instant at);

    /** Records a reminder unless one was sent less than {@code minInterval} before {@code at}. */
    Optional<Approval> remind(UnitOfWork work, UUID approvalId, String actor, Instant at, Duration minInterval);

    ApprovalComment comment(UnitOfWork work, Approval approval, String author, String body, Instant at);

    List<ApprovalComment> comments(UnitOfWork work, UUID approvalId);

    List<AuditEntry> audit(UnitOfWork work, UUID approvalId);

    ApprovalStats stats(UnitOfWork work, Instant now);
}

package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.scheduling.Job;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval queue's jobs on the durable schedule: the reminder halfway to an approval's deadline, and its
 * expiry, where silence approves when the action class allows it, otherwise the approval escalates to the next
 * role until nobody is left.
 */
final class ApprovalDeadlineJobs {
    private static final Logger log = LoggerFactory.getLogger(ApprovalDeadlineJobs.class);

    private final ApprovalLog approvals;
    private final JobScheduler scheduler;

    ApprovalDeadlineJobs(ApprovalLog approvals, JobScheduler scheduler) {
        this.approvals = approvals;
        this.scheduler = scheduler;
    }

    void register(JobRunner runner) {
        runner.handle(ApprovalService.EXPIRE_JOB, this::expireDue);
        runner.handle(ApprovalService.REMIND_JOB, this::remindDue);
    }

    // The schedule's reminder halfway to the deadline always goes (the throttle is for people), so that a
    // reminder job that ran always left its event, and a rebuild knows it ran.
    private void remindDue(Job job, UnitOfWork work) {
        approvals.lock.shared(work);
        Optional<Approval> approval = approvals.store.lock(work, UUID.fromString(job.key()));
        if (approval.isPresent() && approval.get().pending()) {
            approvals.reminded(work, approval.get(), ApprovalService.SYSTEM, approvals.clock.instant());
        }
    }

    // Silence approves where the class allows it; otherwise the next role gets it, until nobody is left.
    private void expireDue(Job job, UnitOfWork work) {
        approvals.lock.shared(work);
        UUID id = UUID.fromString(job.key());
        Optional<Approval> found = approvals.store.lock(work, id);
        if (found.isEmpty() || !found.get().pending()) {
            return;
        }
        Approval approval = found.get();
        Instant now = approvals.clock.instant();
        if (approval.timeoutAt().isAfter(now)) {
            scheduler.schedule(
                    work, JobRequest.once(ApprovalService.EXPIRE_JOB, id.toString(), approval.timeoutAt(), "{}"));
            return;
        }
        ActionClass actionClass = ActionClasses.of(approval.actionClass());
        if (approval.silenceApproves()) {
            approvals.record(
                    work,
                    approval,
                    new ApprovalEvent.ApprovedBySilence(
                            approval.clientId(),
                            id,
                            approval.eventId(),
                            approval.decisionEventType(),
                            approval.agentId(),
                            approval.timeoutAt()),
                    ApprovalService.SILENCE,
                    now);
            log.info(
                    "Approval {} ({} {}) approved by silence at {}",
                    id,
                    approval.decisionEventType(),
                    approval.actionClass(),
                    now);
            return;
        }
        Optional<String> next = actionClass.roleAt(approval.escalationLevel() + 1);
        if (next.isPresent()) {
            escalate(work, approval, actionClass, next.get(), now);
            return;
        }
        approvals.record(
                work,
                approval,
                new ApprovalEvent.Expired(approval.clientId(), id, approval.eventId(), approval.assignedRole()),
                Approval.EXPIRY,
                now);
        log.info("Approval {} expired with nobody left to escalate to after {}", id, approval.assignedRole());
    }

    private void escalate(UnitOfWork work, Approval approval, ActionClass actionClass, String next, Instant now) {
        Duration timeout = approvals.timeout(actionClass);
        Approval escalated = approvals.record(
                work,
                approval,
                new ApprovalEvent.Escalated(
                        approval.clientId(),
                        approval.approvalId(),
                        approval.assignedRole(),
                        next,
                        approval.escalationLevel() + 1,
                        approvals.deadlines.after(work, approval.correlationId(), now, timeout),
                        raised(approval.priority()),
                        approvals.deadlines.after(work, approval.correlationId(), now, timeout.dividedBy(2))),
                ApprovalService.SYSTEM,
                now);
        log.info(
                "Approval {} expired unanswered by {}; escalated to {} (level {})",
                approval.approvalId(),
                approval.assignedRole(),
                next,
                escalated.escalationLevel());
    }

    private static String raised(String priority) {
        return switch (priority) {
            case "low" -> "medium";
            case "medium" -> "high";
            default -> "critical";
        };
    }
}

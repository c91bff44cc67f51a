package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.projections.Projection;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code human_approvals} with its comments and audit trail, and the jobs that expire and remind each
 * pending approval: all of it folded from the {@code APPROVAL/<id>} events. {@link ApprovalService}
 * appends an event and applies it here in the same transaction; a rebuild applies the log.
 */
public final class ApprovalsProjection implements Projection {
    public static final String NAME = "human_approvals";
    static final String EXPIRE_JOB = "approval.expire";
    static final String REMIND_JOB = "approval.remind";
    private static final Logger log = LoggerFactory.getLogger(ApprovalsProjection.class);

    private final ApprovalStore store;
    private final JobScheduler scheduler;

    public ApprovalsProjection(ApprovalStore store, JobScheduler scheduler) {
        this.store = store;
        this.scheduler = scheduler;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mode mode() {
        return Mode.INLINE;
    }

    @Override
    public List<String> tables() {
        return List.of(
                "human_approvals",
                "human_approval_comments",
                "human_approval_audit",
                "scheduled_jobs (" + EXPIRE_JOB + ", " + REMIND_JOB + ")");
    }

    @Override
    public void reset(UnitOfWork work) {
        store.reset(work);
        scheduler.clear(work, EXPIRE_JOB);
        scheduler.clear(work, REMIND_JOB);
    }

    @Override
    public void apply(RecordedEvent event, UnitOfWork work) {
        if (!"APPROVAL".equals(event.stream().type())) {
            return;
        }
        Optional<DomainEvent> decoded = EventCodec.decode(event);
        if (decoded.isEmpty() || !(decoded.get() instanceof ApprovalEvent change)) {
            return;
        }
        Instant at = event.timestamp();
        Optional<Approval> current = store.find(work, change.approvalId());
        if (change instanceof ApprovalEvent.Requested requested) {
            if (current.isEmpty()) {
                store.save(work, Approval.requested(requested, event.correlationId(), at), event.emittedBy());
                schedule(work, requested.approvalId().toString(), requested.timeoutAt(), requested.remindAt());
            }
            return;
        }
        if (current.isEmpty()) {
            // An approval that was never requested through the log (a row inserted by hand): nothing to fold into.
            log.debug(
                    "{} {} concerns approval {}, which the log never requested; ignored",
                    event.type(),
                    event.eventId(),
                    change.approvalId());
            return;
        }
        Approval next = current.get().apply(change, at);
        if (next != current.get()) {
            store.save(work, next, event.emittedBy());
        }
        String key = change.approvalId().toString();
        switch (change) {
            case ApprovalEvent.Commented c ->
                store.addComment(
                        work,
                        new ApprovalComment(c.commentId(), c.approvalId(), c.author(), c.body(), at),
                        next.clientId());
            case ApprovalEvent.InfoRequested i ->
                store.addComment(
                        work,
                        new ApprovalComment(i.commentId(), i.approvalId(), i.requestedBy(), i.question(), at),
                        next.clientId());
            case ApprovalEvent.Escalated e -> schedule(work, key, e.timeoutAt(), e.remindAt());
            case ApprovalEvent.ReminderSent r -> {
                if (ApprovalService.SYSTEM.equals(r.sentBy())) {
                    scheduler.cancel(work, REMIND_JOB, key);
                }
            }
            case ApprovalEvent.Granted g -> unschedule(work, key);
            case ApprovalEvent.Overridden o -> unschedule(work, key);
            case ApprovalEvent.Rejected r -> unschedule(work, key);
            case ApprovalEvent.ApprovedBySilence s -> unschedule(work, key);
            case ApprovalEvent.Expired x -> unschedule(work, key);
            case ApprovalEvent.Requested r -> {}
            case ApprovalEvent.StepApproved s -> {}
            case ApprovalEvent.Assigned a -> {}
        }
    }

    private void schedule(UnitOfWork work, String key, Instant expireAt, Instant remindAt) {
        scheduler.schedule(work, JobRequest.once(EXPIRE_JOB, key, expireAt, "{}"));
        if (remindAt != null) {
            scheduler.schedule(work, JobRequest.once(REMIND_JOB, key, remindAt, "{}"));
        }
    }

    private void unschedule(UnitOfWork work, String key) {
        scheduler.cancel(work, EXPIRE_JOB, key);
        scheduler.cancel(work, REMIND_JOB, key);
    }
}

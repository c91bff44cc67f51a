package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.chaos.HumanAbsence;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The human approval queue, put together: {@link ApprovalCommands} (requests from Oversight, assignment, questions,
 * comments, throttled reminders), {@link ApprovalDecisions} (people's decisions, one by one or in bulk),
 * {@link ApprovalQueries}, and the jobs on the
 * durable schedule ({@link ApprovalDeadlineJobs}: reminders, and expiry where silence approves where the action class
 * allows it, otherwise the approval escalates to the next role until nobody is left). Every change is an event on
 * {@code APPROVAL/<id>}, applied to the rows by {@link ApprovalsProjection} in the same transaction. The methods
 * below are the API the HTTP routes, the simulation's people and the demo use, which read and decide alike.
 */
public final class ApprovalService {
    public static final String EXPIRE_JOB = ApprovalsProjection.EXPIRE_JOB;
    public static final String REMIND_JOB = ApprovalsProjection.REMIND_JOB;
    public static final String SYSTEM = "system:approvals";
    public static final String SILENCE = Approval.SILENCE;
    public static final Duration DEFAULT_REMINDER_INTERVAL = Duration.ofHours(1);

    private final ApprovalCommands commands;
    private final ApprovalDecisions decisions;
    private final ApprovalQueries queries;
    private final ApprovalDeadlineJobs jobs;

    /**
     * @param timeoutScale every action class's timeout is multiplied by it (1 in production; a test cluster
     *     may let approvals expire in seconds)
     * @param deadlines how a timeout counts: wall-clock, or business time where the flow's SOP says so
     */
    public ApprovalService(
            ApprovalStore store,
            ApprovalsProjection projection,
            ProjectionLock lock,
            JobScheduler scheduler,
            HumanAbsence absence,
            Clock clock,
            Duration reminderInterval,
            double timeoutScale,
            Deadlines deadlines) {
        var log = new ApprovalLog(store, projection, lock, clock, timeoutScale, deadlines);
        this.commands = new ApprovalCommands(log, reminderInterval);
        this.decisions = new ApprovalDecisions(log, absence);
        this.queries = new ApprovalQueries(store, clock);
        this.jobs = new ApprovalDeadlineJobs(log, scheduler);
    }

    /** Handles the expiry and reminder jobs of the queue. */
    public void register(JobRunner runner) {
        jobs.register(runner);
    }

    public static StreamId stream(UUID approvalId) {
        return StreamId.of("APPROVAL", approvalId.toString());
    }

    public ApprovalCommands commands() {
        return commands;
    }

    public ApprovalQueries queries() {
        return queries;
    }

    public Approval request(UnitOfWork work, ApprovalRequest request) {
        return commands.request(work, request);
    }

    public Approval decide(UnitOfWork work, UUID id, DecisionCommand command) {
        return decisions.decide(work, id, command);
    }

    public BulkResult bulk(UnitOfWork work, ApprovalFilter filter, DecisionCommand command) {
        return decisions.bulk(work, filter, command);
    }

    public Approval assign(UnitOfWork work, UUID id, String role, String user, String by) {
        return commands.assign(work, id, role, user, by);
    }

    public Approval requestInfo(UnitOfWork work, UUID id, String by, String question) {
        return commands.requestInfo(work, id, by, question);
    }

    public ApprovalComment comment(UnitOfWork work, UUID id, String author, String body) {
        return commands.comment(work, id, author, body);
    }

    public Approval remind(UnitOfWork work, UUID id, String by) {
        return commands.remind(work, id, by);
    }

    public Approval get(UnitOfWork work, UUID id) {
        return queries.get(work, id);
    }

    public List<Approval> list(UnitOfWork work, ApprovalFilter filter) {
        return queries.list(work, filter);
    }

    public List<ApprovalComment> comments(UnitOfWork work, UUID id) {
        return queries.comments(work, id);
    }

    public List<AuditEntry> audit(UnitOfWork work, UUID id) {
        return queries.audit(work, id);
    }

    public ApprovalStats stats(UnitOfWork work) {
        return queries.stats(work);
    }
}

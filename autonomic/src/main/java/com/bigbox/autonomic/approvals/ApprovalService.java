package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.ThrottledException;
import com.bigbox.autonomic.chaos.HumanAbsence;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.autonomic.scheduling.Job;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.Confidence;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The human approval queue: requests from Oversight, people's decisions (each an event the flow
 * continues from), assignment, questions, comments, throttled reminders, bulk decisions, and expiry on
 * the durable schedule: silence approves where the action class allows it, otherwise the approval
 * escalates to the next role until nobody is left. Every change is an event on {@code APPROVAL/<id>},
 * applied to the rows by {@link ApprovalsProjection} in the same transaction; the service checks what
 * is allowed against the row it locked first, so of two people deciding at once the second finds it
 * decided. A role that a chaos experiment made absent answers nothing: its decisions are refused and
 * its approvals wait for their expiry.
 */
public final class ApprovalService {
    public static final String EXPIRE_JOB = ApprovalsProjection.EXPIRE_JOB;
    public static final String REMIND_JOB = ApprovalsProjection.REMIND_JOB;
    public static final String SYSTEM = "system:approvals";
    public static final String SILENCE = Approval.SILENCE;
    public static final Duration DEFAULT_REMINDER_INTERVAL = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ApprovalService.class);

    private final ApprovalStore store;
    private final ApprovalsProjection projection;
    private final ProjectionLock lock;
    private final JobScheduler scheduler;
    private final HumanAbsence absence;
    private final Clock clock;
    private final Duration reminderInterval;
    private final double timeoutScale;
    private final Deadlines deadlines;

    /**
     * @param timeoutScale every action class's timeout is multiplied by it (1 in production; a test cluster
     *     may let approvals expire in seconds)
     * @param deadlines how a timeout counts: wall-clock, or business time where the flow's SOP says so
     */
    public ApprovalService(ApprovalStore store, ApprovalsProjection projection, ProjectionLock lock, JobScheduler scheduler,
            HumanAbsence absence, Clock clock, Duration reminderInterval, double timeoutScale, Deadlines deadlines) {
        if (!(timeoutScale > 0 && timeoutScale <= 1)) {
            throw new IllegalArgumentException("the approval timeout scale must be above 0 and at most 1, was " + timeoutScale);
        }
        this.store = store;
        this.projection = projection;
        this.lock = lock;
        this.scheduler = scheduler;
        this.absence = absence;
        this.clock = clock;
        this.reminderInterval = reminderInterval;
        this.timeoutScale = timeoutScale;
        this.deadlines = deadlines;
    }

    /** Handles the expiry and reminder jobs of this service. */
    public void register(JobRunner runner) {
        runner.handle(EXPIRE_JOB, this::expireDue);
        runner.handle(REMIND_JOB, this::remindDue);
    }

    public static StreamId stream(UUID approvalId) {
        return StreamId.of("APPROVAL", approvalId.toString());
    }

    /** Queues {@code request} and announces it; its expiry and a reminder halfway there go on the schedule. */
    @SuppressWarnings("unchecked")
    public Approval request(UnitOfWork work, ApprovalRequest request) {
        lock.shared(work);
        RecordedEvent decision = request.decision();
        ActionClass actionClass = ActionClasses.of(request.actionClass());
        Instant now = later(clock.instant(), decision.timestamp());
        UUID id = UUID.nameUUIDFromBytes(("approval/" + decision.eventId()).getBytes(StandardCharsets.UTF_8));
        Optional<Approval> existing = store.find(work, id);
        if (existing.isPresent()) {
            return existing.get(); // the same decision delivered again: it is queued already
        }
        var evidence = new ArrayList<UUID>();
        evidence.add(decision.eventId());
        if (decision.causationId() != null) {
            evidence.add(decision.causationId());
        }
        double confidence = decision.confidence() == null ? 1.0 : decision.confidence().value();
        Duration timeout = timeout(actionClass);
        Instant timeoutAt = deadlines.after(work, decision.correlationId(), now, timeout);
        var requested = new ApprovalEvent.Requested(request.clientId(), id, decision.eventId(), decision.type(),
                decision.emittedBy(), request.recommendedAction(), actionClass.name(), confidence, request.reasons(),
                request.role(), request.priority(), timeoutAt, request.requiredApprovals(),
                EventCodec.read(request.decisionContext(), Map.class), evidence, request.silenceApproves(),
                deadlines.after(work, decision.correlationId(), now, timeout.dividedBy(2)));
        Approval approval = record(work, id, decision.correlationId(), decision.eventId(),
                request.ceoInterrupt() ? EventTypes.CEO_INTERRUPT_REQUIRED : EventTypes.HUMAN_APPROVAL_REQUESTED, requested,
                request.requestedBy(), decision.confidence(), now);
        log.info("Approval {} requested for {} {} by {} ({}, {} priority, to {}, expires {})", id, decision.type(),
                decision.stream(), decision.emittedBy(), actionClass.name(), request.priority(), request.role(), timeoutAt);
        return approval;
    }

    public Approval get(UnitOfWork work, UUID id) {
        return store.find(work, id).orElseThrow(() -> notFound(id));
    }

    public List<Approval> list(UnitOfWork work, ApprovalFilter filter) {
        return store.list(work, filter);
    }

    /**
     * A person's decision. Approving a chain's approval records one approver until enough different
     * people have approved; the decision that resolves it appends {@code HUMAN_APPROVAL_GRANTED},
     * {@code HUMAN_OVERRIDE} or {@code HUMAN_APPROVAL_REJECTED}.
     *
     * @throws ConflictException when it is no longer pending, this person already approved it, or the role
     *     that holds it is absent
     */
    public Approval decide(UnitOfWork work, UUID id, DecisionCommand command) {
        lock.shared(work);
        Approval before = pendingLocked(work, id);
        refuseIfAbsent(before);
        Instant now = clock.instant();
        String by = command.by();
        ApprovalEvent event = switch (command) {
            case DecisionCommand.Reject r -> new ApprovalEvent.Rejected(before.clientId(), id, before.eventId(),
                    before.decisionEventType(), before.agentId(), by, r.notes());
            case DecisionCommand.Approve a -> approval(before, by, a.notes(), Map.of());
            case DecisionCommand.Modify m -> {
                checkModifications(work, before, m.modifications());
                yield approval(before, by, m.notes(), m.modifications());
            }
        };
        Approval decided = record(work, before, event, by, now);
        if (decided.pending()) {
            log.info("Approval {} approved by {} ({} of {})", id, by, decided.approvedBy().size(), decided.requiredApprovals());
        } else {
            log.info("Approval {} {} by {} ({} {})", id, decided.resolution(), by, decided.decisionEventType(), decided.agentId());
        }
        return decided;
    }

    // One more approver: a step of the chain, or the decision that resolves it (modified when anyone changed it).
    private ApprovalEvent approval(Approval before, String by, String notes, Map<String, Object> changes) {
        if (before.approvedBy().contains(by)) {
            throw new ConflictException(by + " already approved approval " + before.approvalId() + "; it needs "
                    + before.requiredApprovals() + " different approvers (" + before.approvedBy() + " so far)");
        }
        int approvers = before.approvedBy().size() + 1;
        if (approvers < before.requiredApprovals()) {
            return new ApprovalEvent.StepApproved(before.clientId(), before.approvalId(), by, approvers,
                    before.requiredApprovals(), notes, changes);
        }
        var all = new LinkedHashMap<>(before.modificationsMap());
        all.putAll(changes);
        String effectiveNotes = notes != null ? notes : before.resolutionNotes();
        return all.isEmpty()
                ? new ApprovalEvent.Granted(before.clientId(), before.approvalId(), before.eventId(), before.decisionEventType(),
                        before.agentId(), by, effectiveNotes)
                : new ApprovalEvent.Overridden(before.clientId(), before.approvalId(), before.eventId(),
                        before.decisionEventType(), before.agentId(), by, effectiveNotes, all);
    }

    /** Decides every pending approval {@code filter} matches (up to its limit); one already decided is reported, not fatal. */
    public BulkResult bulk(UnitOfWork work, ApprovalFilter filter, DecisionCommand command) {
        if (command instanceof DecisionCommand.Modify) {
            throw new InvalidInputException("decision", "a bulk decision approves or rejects; modify approvals one at a time");
        }
        List<Approval> matched = store.list(work, filter.withStatus(Approval.PENDING));
        var items = new ArrayList<BulkResult.Item>();
        int decided = 0;
        for (Approval approval : matched) {
            try {
                Approval result = decide(work, approval.approvalId(), command);
                items.add(new BulkResult.Item(approval.approvalId(), result.pending() ? "step_approved" : result.status(), null));
                decided++;
            } catch (ConflictException e) {
                items.add(new BulkResult.Item(approval.approvalId(), "conflict", e.getMessage()));
            }
        }
        log.info("Bulk {} by {}: {} matched, {} decided", command.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                command.by(), matched.size(), decided);
        return new BulkResult(matched.size(), decided, matched.size() - decided, items);
    }

    public Approval assign(UnitOfWork work, UUID id, String role, String user, String by) {
        requireText("assigned_by", by);
        lock.shared(work);
        Approval before = pendingLocked(work, id);
        String checkedRole = role == null ? before.assignedRole() : ActionClasses.checkRole("role", role);
        String checkedUser = user == null || user.isBlank() ? null : user.strip();
        if (role == null && checkedUser == null) {
            throw new InvalidInputException("role", "name a role, a user, or both");
        }
        return record(work, before, new ApprovalEvent.Assigned(before.clientId(), id, checkedRole, checkedUser, by), by,
                clock.instant());
    }

    public Approval requestInfo(UnitOfWork work, UUID id, String by, String question) {
        requireText("requested_by", by);
        requireText("question", question);
        lock.shared(work);
        Approval before = pendingLocked(work, id);
        return record(work, before, new ApprovalEvent.InfoRequested(before.clientId(), id, by, question, UUID.randomUUID()), by,
                clock.instant());
    }

    public ApprovalComment comment(UnitOfWork work, UUID id, String author, String body) {
        requireText("author", author);
        requireText("body", body);
        if (body.length() > 10_000) {
            throw new InvalidInputException("body", "body is longer than 10000 characters");
        }
        lock.shared(work);
        Approval approval = store.lock(work, id).orElseThrow(() -> notFound(id));
        var commented = new ApprovalEvent.Commented(approval.clientId(), id, UUID.randomUUID(), author.strip(), body.strip());
        RecordedEvent stored = append(work, approval, commented, author.strip(), clock.instant());
        return new ApprovalComment(commented.commentId(), id, commented.author(), commented.body(), stored.timestamp());
    }

    public List<ApprovalComment> comments(UnitOfWork work, UUID id) {
        get(work, id);
        return store.comments(work, id);
    }

    public List<AuditEntry> audit(UnitOfWork work, UUID id) {
        get(work, id);
        return store.audit(work, id);
    }

    public ApprovalStats stats(UnitOfWork work) {
        return store.stats(work, clock.instant());
    }

    /**
     * A person reminds whoever holds the approval, at most once per reminder interval.
     *
     * @throws ThrottledException when the last reminder was too recent
     */
    public Approval remind(UnitOfWork work, UUID id, String by) {
        requireText("reminded_by", by);
        lock.shared(work);
        Approval before = pendingLocked(work, id);
        Instant now = clock.instant();
        if (before.lastRemindedAt() != null && before.lastRemindedAt().isAfter(now.minus(reminderInterval))) {
            Instant allowed = before.lastRemindedAt().plus(reminderInterval);
            throw new ThrottledException("approval " + id + " was reminded at " + before.lastRemindedAt()
                    + "; the next reminder can go at " + allowed, allowed, Duration.between(now, allowed));
        }
        return reminded(work, before, by, now);
    }

    private Approval reminded(UnitOfWork work, Approval before, String by, Instant now) {
        return record(work, before, new ApprovalEvent.ReminderSent(before.clientId(), before.approvalId(), before.assignedRole(),
                before.assignedTo(), by), by, now);
    }

    // The schedule's reminder halfway to the deadline always goes (the throttle is for people), so that a
    // reminder job that ran always left its event, and a rebuild knows it ran.
    private void remindDue(Job job, UnitOfWork work) {
        lock.shared(work);
        Optional<Approval> approval = store.lock(work, UUID.fromString(job.key()));
        if (approval.isPresent() && approval.get().pending()) {
            reminded(work, approval.get(), SYSTEM, clock.instant());
        }
    }

    // Silence approves where the class allows it; otherwise the next role gets it, until nobody is left.
    private void expireDue(Job job, UnitOfWork work) {
        lock.shared(work);
        UUID id = UUID.fromString(job.key());
        Optional<Approval> found = store.lock(work, id);
        if (found.isEmpty() || !found.get().pending()) {
            return;
        }
        Approval approval = found.get();
        Instant now = clock.instant();
        if (approval.timeoutAt().isAfter(now)) {
            scheduler.schedule(work, JobRequest.once(EXPIRE_JOB, id.toString(), approval.timeoutAt(), "{}"));
            return;
        }
        ActionClass actionClass = ActionClasses.of(approval.actionClass());
        if (approval.silenceApproves()) {
            record(work, approval, new ApprovalEvent.ApprovedBySilence(approval.clientId(), id, approval.eventId(),
                    approval.decisionEventType(), approval.agentId(), approval.timeoutAt()), SILENCE, now);
            log.info("Approval {} ({} {}) approved by silence at {}", id, approval.decisionEventType(), approval.actionClass(), now);
            return;
        }
        Optional<String> next = actionClass.roleAt(approval.escalationLevel() + 1);
        if (next.isPresent()) {
            Duration timeout = timeout(actionClass);
            Approval escalated = record(work, approval, new ApprovalEvent.Escalated(approval.clientId(), id,
                    approval.assignedRole(), next.get(), approval.escalationLevel() + 1,
                    deadlines.after(work, approval.correlationId(), now, timeout), raised(approval.priority()),
                    deadlines.after(work, approval.correlationId(), now, timeout.dividedBy(2))), SYSTEM, now);
            log.info("Approval {} expired unanswered by {}; escalated to {} (level {})", id, approval.assignedRole(),
                    next.get(), escalated.escalationLevel());
            return;
        }
        record(work, approval, new ApprovalEvent.Expired(approval.clientId(), id, approval.eventId(), approval.assignedRole()),
                Approval.EXPIRY, now);
        log.info("Approval {} expired with nobody left to escalate to after {}", id, approval.assignedRole());
    }

    private Duration timeout(ActionClass actionClass) {
        long millis = Math.round(actionClass.timeout().toMillis() * timeoutScale);
        return Duration.ofMillis(Math.max(1_000, millis));
    }

    private static String raised(String priority) {
        return switch (priority) {
            case "low" -> "medium";
            case "medium" -> "high";
            default -> "critical";
        };
    }

    private Approval pendingLocked(UnitOfWork work, UUID id) {
        Approval approval = store.lock(work, id).orElseThrow(() -> notFound(id));
        if (!approval.pending()) {
            throw conflict(approval);
        }
        return approval;
    }

    private void refuseIfAbsent(Approval approval) {
        if (approval.assignedRole() == null) {
            return;
        }
        absence.absentUntil(approval.assignedRole()).ifPresent(until -> {
            throw new ConflictException("approval " + approval.approvalId() + " is held by the role " + approval.assignedRole()
                    + ", which answers nothing until " + until + " (chaos experiment: simulate_human_absence); it waits for"
                    + " its expiry, then silence approves it or it escalates");
        });
    }

    // A person may change the decision's fields, not invent new ones.
    private static void checkModifications(UnitOfWork work, Approval approval, Map<String, Object> modifications) {
        RecordedEvent decision = work.find(approval.eventId())
                .orElseThrow(() -> new NotFoundException("the decision " + approval.eventId() + " of approval "
                        + approval.approvalId() + " does not exist"));
        JsonNode payload = EventCodec.tree(decision.payload());
        for (String field : modifications.keySet()) {
            if (!payload.has(field)) {
                throw new InvalidInputException("modifications." + field, "the decision (" + decision.type()
                        + ") has no field '" + field + "'; it has " + iterable(payload));
            }
            if (field.equals("client_id")) {
                throw new InvalidInputException("modifications.client_id", "a decision's client cannot be changed");
            }
        }
    }

    private static List<String> iterable(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no approval " + id);
    }

    private static ConflictException conflict(Approval current) {
        String how = switch (current.resolution() == null ? current.status() : current.resolution()) {
            case "approved_by_silence" -> "approved by silence at " + current.resolvedAt();
            case "expired" -> "expired at " + current.resolvedAt();
            default -> current.status() + " by " + current.resolvedBy() + " at " + current.resolvedAt();
        };
        return new ConflictException("approval " + current.approvalId() + " is no longer pending: it was " + how);
    }

    private Approval record(UnitOfWork work, Approval approval, ApprovalEvent event, String by, Instant at) {
        append(work, approval, event, by, at);
        return store.find(work, approval.approvalId()).orElseThrow();
    }

    private Approval record(UnitOfWork work, UUID id, UUID correlation, UUID causation, String type, ApprovalEvent event,
            String by, Confidence confidence, Instant at) {
        RecordedEvent stored = work.append(stream(id), ExpectedVersion.any(), List.of(new NewEvent(nextEventId(work, id, type,
                EventCodec.payload(event)), type, EventCodec.payload(event), "{}", correlation, causation, by, confidence, at))).events().getFirst();
        projection.apply(stored, work);
        return store.find(work, id).orElseThrow();
    }

    // The event, and at once its effect on the rows (the same fold a rebuild applies).
    private RecordedEvent append(UnitOfWork work, Approval approval, ApprovalEvent event, String by, Instant at) {
        RecordedEvent stored = work.append(stream(approval.approvalId()), ExpectedVersion.any(), List.of(new NewEvent(
                nextEventId(work, approval.approvalId(), EventCodec.typeOf(event), EventCodec.payload(event)), EventCodec.typeOf(event),
                EventCodec.payload(event), "{}", approval.correlationId(),
                approval.eventId(), by, null, at))).events().getFirst();
        projection.apply(stored, work);
        return stored;
    }

    // Derived from the approval, its place in the approval's stream and the event itself, as agents derive theirs
    // from what they react to: the same history gets the same ids, so what reacts to a person's decision (the next
    // agent's ids, a simulation's run) repeats exactly; two different events never share one.
    private static UUID nextEventId(UnitOfWork work, UUID approvalId, String type, String payload) {
        long next = work.version(stream(approvalId)) + 1;
        return UUID.nameUUIDFromBytes(("approval/" + approvalId + "/" + next + "/" + type + "/" + payload)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}

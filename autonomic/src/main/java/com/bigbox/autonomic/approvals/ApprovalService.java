package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.ThrottledException;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
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
 * escalates to the next role until nobody is left.
 */
public final class ApprovalService {
    public static final String EXPIRE_JOB = "approval.expire";
    public static final String REMIND_JOB = "approval.remind";
    public static final String SYSTEM = "system:approvals";
    public static final String SILENCE = "system:silence";
    public static final Duration DEFAULT_REMINDER_INTERVAL = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ApprovalService.class);

    private final ApprovalStore store;
    private final JobScheduler scheduler;
    private final Clock clock;
    private final Duration reminderInterval;

    public ApprovalService(ApprovalStore store, JobScheduler scheduler, Clock clock, Duration reminderInterval) {
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.reminderInterval = reminderInterval;
    }

    /** Handles the expiry and reminder jobs of this service. */
    public void register(JobRunner runner) {
        runner.handle(EXPIRE_JOB, this::expireDue);
        runner.handle(REMIND_JOB, this::remindDue);
    }

    public static StreamId stream(UUID approvalId) {
        return StreamId.of("APPROVAL", approvalId.toString());
    }

    /** Queues {@code request}, announces it, and schedules its expiry and a reminder halfway there. */
    public Approval request(UnitOfWork work, ApprovalRequest request) {
        RecordedEvent decision = request.decision();
        ActionClass actionClass = ActionClasses.of(request.actionClass());
        Instant now = later(clock.instant(), decision.timestamp());
        Instant timeoutAt = now.plus(actionClass.timeout());
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
        var approval = new Approval(id, decision.eventId(), decision.emittedBy(), request.decisionContext(),
                request.recommendedAction(), confidence, Approval.PENDING, timeoutAt, null, null, null, now, request.clientId(),
                decision.correlationId(), decision.type(), evidence, actionClass.name(), request.role(), null,
                request.priority(), 0, request.requiredApprovals(), List.of(), request.silenceApproves(), false, null, 0, null,
                null, now);
        store.insert(work, approval);
        var requested = new ApprovalEvent.Requested(request.clientId(), id, decision.eventId(), decision.type(),
                decision.emittedBy(), request.recommendedAction(), actionClass.name(), confidence, request.reasons(),
                request.role(), request.priority(), timeoutAt, request.requiredApprovals());
        append(work, approval, request.ceoInterrupt() ? EventTypes.CEO_INTERRUPT_REQUIRED : EventTypes.HUMAN_APPROVAL_REQUESTED,
                requested, request.requestedBy(), decision.confidence(), now);
        scheduler.schedule(work, JobRequest.once(EXPIRE_JOB, id.toString(), timeoutAt, "{}"));
        scheduler.schedule(work, JobRequest.once(REMIND_JOB, id.toString(), now.plus(actionClass.timeout().dividedBy(2)), "{}"));
        log.info("Approval {} requested for {} {} by {} ({}, {} priority, to {}, expires {})", id, decision.type(),
                decision.stream(), decision.emittedBy(), actionClass.name(), request.priority(), request.role(), timeoutAt);
        return approval;
    }

    public Approval get(UnitOfWork work, UUID id) {
        return store.find(work, id).orElseThrow(() -> new NotFoundException("no approval " + id));
    }

    public List<Approval> list(UnitOfWork work, ApprovalFilter filter) {
        return store.list(work, filter);
    }

    /**
     * A person's decision. Approving a chain's approval records one approver until enough different
     * people have approved; the decision that resolves it appends {@code HUMAN_APPROVAL_GRANTED},
     * {@code HUMAN_OVERRIDE} or {@code HUMAN_APPROVAL_REJECTED}.
     *
     * @throws ConflictException when it is no longer pending, or this person already approved it
     */
    public Approval decide(UnitOfWork work, UUID id, DecisionCommand command) {
        Approval before = get(work, id);
        Instant now = clock.instant();
        Optional<Approval> after = switch (command) {
            case DecisionCommand.Approve a -> store.approve(work, id, a.by(), a.notes(), null, now);
            case DecisionCommand.Modify m -> {
                checkModifications(work, before, m.modifications());
                yield store.approve(work, id, m.by(), m.notes(), EventCodec.write(m.modifications()), now);
            }
            case DecisionCommand.Reject r -> store.reject(work, id, r.by(), r.notes(), now);
        };
        Approval decided = after.orElseThrow(() -> conflict(work, id, command.by()));
        announceDecision(work, decided, command.by(), now);
        return decided;
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
        String checkedRole = role == null ? get(work, id).assignedRole() : ActionClasses.checkRole("role", role);
        String checkedUser = user == null || user.isBlank() ? null : user.strip();
        if (role == null && checkedUser == null) {
            throw new InvalidInputException("role", "name a role, a user, or both");
        }
        Instant now = clock.instant();
        Approval a = store.assign(work, id, checkedRole, checkedUser, by, now).orElseThrow(() -> conflict(work, id, by));
        append(work, a, EventTypes.HUMAN_APPROVAL_ASSIGNED, new ApprovalEvent.Assigned(a.clientId(), id, checkedRole,
                checkedUser, by), by, null, now);
        return a;
    }

    public Approval requestInfo(UnitOfWork work, UUID id, String by, String question) {
        requireText("requested_by", by);
        requireText("question", question);
        Instant now = clock.instant();
        Approval a = store.requestInfo(work, id, by, now).orElseThrow(() -> conflict(work, id, by));
        store.comment(work, a, by, question, now);
        append(work, a, EventTypes.HUMAN_APPROVAL_INFO_REQUESTED, new ApprovalEvent.InfoRequested(a.clientId(), id, by,
                question), by, null, now);
        return a;
    }

    public ApprovalComment comment(UnitOfWork work, UUID id, String author, String body) {
        requireText("author", author);
        requireText("body", body);
        if (body.length() > 10_000) {
            throw new InvalidInputException("body", "body is longer than 10000 characters");
        }
        return store.comment(work, get(work, id), author.strip(), body.strip(), clock.instant());
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
     * Reminds whoever holds the approval, at most once per reminder interval.
     *
     * @throws ThrottledException when the last reminder was too recent
     */
    public Approval remind(UnitOfWork work, UUID id, String by) {
        requireText("reminded_by", by);
        Instant now = clock.instant();
        Optional<Approval> reminded = store.remind(work, id, by, now, reminderInterval);
        if (reminded.isEmpty()) {
            Approval current = get(work, id);
            if (!current.pending()) {
                throw conflict(work, id, by);
            }
            Instant allowed = current.lastRemindedAt().plus(reminderInterval);
            throw new ThrottledException("approval " + id + " was reminded at " + current.lastRemindedAt()
                    + "; the next reminder can go at " + allowed, allowed, Duration.between(now, allowed));
        }
        Approval a = reminded.get();
        append(work, a, EventTypes.HUMAN_APPROVAL_REMINDER_SENT, new ApprovalEvent.ReminderSent(a.clientId(), id,
                a.assignedRole(), a.assignedTo(), by), by, null, now);
        return a;
    }

    private void remindDue(Job job, UnitOfWork work) {
        UUID id = UUID.fromString(job.key());
        Optional<Approval> approval = store.find(work, id);
        if (approval.isEmpty() || !approval.get().pending()) {
            return;
        }
        try {
            remind(work, id, SYSTEM);
        } catch (ThrottledException recentlyReminded) {
            // a person reminded them just now; one reminder is enough
        }
    }

    // Silence approves where the class allows it; otherwise the next role gets it, until nobody is left.
    private void expireDue(Job job, UnitOfWork work) {
        UUID id = UUID.fromString(job.key());
        Optional<Approval> found = store.find(work, id);
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
            store.approveBySilence(work, id, now).ifPresent(a -> {
                append(work, a, EventTypes.APPROVED_BY_SILENCE, new ApprovalEvent.ApprovedBySilence(a.clientId(), id,
                        a.eventId(), a.decisionEventType(), a.agentId(), a.timeoutAt()), SILENCE, null, now);
                log.info("Approval {} ({} {}) approved by silence at {}", id, a.decisionEventType(), a.actionClass(), now);
            });
            return;
        }
        Optional<String> next = actionClass.roleAt(approval.escalationLevel() + 1);
        if (next.isPresent()) {
            Instant timeoutAt = now.plus(actionClass.timeout());
            store.escalate(work, id, approval.escalationLevel(), next.get(), timeoutAt, SYSTEM, now).ifPresent(a -> {
                append(work, a, EventTypes.HUMAN_APPROVAL_ESCALATED, new ApprovalEvent.Escalated(a.clientId(), id,
                        approval.assignedRole(), next.get(), a.escalationLevel(), timeoutAt), SYSTEM, null, now);
                scheduler.schedule(work, JobRequest.once(EXPIRE_JOB, id.toString(), timeoutAt, "{}"));
                scheduler.schedule(work, JobRequest.once(REMIND_JOB, id.toString(), now.plus(actionClass.timeout().dividedBy(2)), "{}"));
                log.info("Approval {} expired unanswered by {}; escalated to {} (level {})", id, approval.assignedRole(),
                        next.get(), a.escalationLevel());
            });
            return;
        }
        store.expire(work, id, now).ifPresent(a -> {
            append(work, a, EventTypes.HUMAN_APPROVAL_EXPIRED, new ApprovalEvent.Expired(a.clientId(), id, a.eventId(),
                    a.assignedRole()), SYSTEM, null, now);
            log.info("Approval {} expired with nobody left to escalate to after {}", id, a.assignedRole());
        });
    }

    private void announceDecision(UnitOfWork work, Approval a, String by, Instant now) {
        if (a.pending()) {
            append(work, a, EventTypes.HUMAN_APPROVAL_STEP_APPROVED, new ApprovalEvent.StepApproved(a.clientId(),
                    a.approvalId(), by, a.approvedBy().size(), a.requiredApprovals()), by, null, now);
            log.info("Approval {} approved by {} ({} of {})", a.approvalId(), by, a.approvedBy().size(), a.requiredApprovals());
            return;
        }
        DomainEvent event = switch (a.resolution()) {
            case "modified" -> new ApprovalEvent.Overridden(a.clientId(), a.approvalId(), a.eventId(), a.decisionEventType(),
                    a.agentId(), by, a.resolutionNotes(), modifications(a));
            case "rejected" -> new ApprovalEvent.Rejected(a.clientId(), a.approvalId(), a.eventId(), a.decisionEventType(),
                    a.agentId(), by, a.resolutionNotes());
            default -> new ApprovalEvent.Granted(a.clientId(), a.approvalId(), a.eventId(), a.decisionEventType(), a.agentId(),
                    by, a.resolutionNotes());
        };
        // Its expiry and reminder jobs stay: they find it decided and do nothing. Cancelling them here
        // would lock job rows after the approval row, the reverse of the job runner's order: a deadlock.
        append(work, a, EventCodec.typeOf(event), event, by, null, now);
        log.info("Approval {} {} by {} ({} {})", a.approvalId(), a.resolution(), by, a.decisionEventType(), a.agentId());
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> modifications(Approval a) {
        return a.modifications() == null ? Map.of() : EventCodec.read(a.modifications(), Map.class);
    }

    private ConflictException conflict(UnitOfWork work, UUID id, String by) {
        Approval current = get(work, id);
        if (current.pending()) {
            return new ConflictException(by + " already approved approval " + id + "; it needs "
                    + current.requiredApprovals() + " different approvers (" + current.approvedBy() + " so far)");
        }
        String how = switch (current.resolution() == null ? current.status() : current.resolution()) {
            case "approved_by_silence" -> "approved by silence at " + current.resolvedAt();
            case "expired" -> "expired at " + current.resolvedAt();
            default -> current.status() + " by " + current.resolvedBy() + " at " + current.resolvedAt();
        };
        return new ConflictException("approval " + id + " is no longer pending: it was " + how);
    }

    private void append(UnitOfWork work, Approval approval, String type, DomainEvent payload, String by,
            Confidence confidence, Instant at) {
        work.append(stream(approval.approvalId()), ExpectedVersion.any(), List.of(new NewEvent(UUID.randomUUID(), type,
                EventCodec.payload(payload), "{}", approval.correlationId(), approval.eventId(), by, confidence, at)));
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

package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.events.TaskEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.oversight.SopPolicies;
import com.bigbox.autonomic.oversight.SopPolicy;
import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.scheduling.Job;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs SOPs. An SOP starts when its trigger takes effect in a flow; each step completes when an event it
 * names ({@code emit_event} actions) takes effect in that flow, or when the human task created for it is
 * completed; a manual step gets a task as soon as its dependencies are done; a step past its timeout
 * escalates. When every required step is done the execution is recorded with its measurements:
 * cycle time, automation rate (automated / performed steps), human hours and cost (an automated step
 * costs its {@code agent_cost}; a person's step costs their minutes at the SOP's hourly rate, 100 by
 * default). A person rejecting a step's decision takes the step's fallback, escalates, or fails the run.
 */
public final class SopEngine implements SopPolicies {
    public static final String NAME = "SopEngine";
    public static final String STEP_TIMEOUT_JOB = "sop.step-timeout";
    static final BigDecimal MANUAL_MINUTES = new BigDecimal("30");
    static final BigDecimal REVIEW_MINUTES = new BigDecimal("5");
    static final BigDecimal CORRECTION_PENALTY = new BigDecimal("0.25");
    private static final Logger log = LoggerFactory.getLogger(SopEngine.class);

    private final SopStore store;
    private final SopCatalog catalog;
    private final Flows flows;
    private final JobScheduler scheduler;
    private final Clock clock;

    public SopEngine(SopStore store, SopCatalog catalog, Flows flows, JobScheduler scheduler, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.flows = flows;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public void register(JobRunner runner) {
        runner.handle(STEP_TIMEOUT_JOB, this::stepTimedOut);
    }

    public void handle(RecordedEvent delivered, UnitOfWork work) {
        if (delivered.type().equals(EventTypes.SOP_VERSION_ACTIVATED)) {
            catalog.invalidate();
        }
        if (NAME.equals(delivered.emittedBy())) {
            return;
        }
        Optional<Effective> effective = flows.resolve(delivered, work);
        if (effective.isEmpty()) {
            if (delivered.type().equals(EventTypes.HUMAN_APPROVAL_REJECTED) || delivered.type().equals(EventTypes.HUMAN_APPROVAL_EXPIRED)) {
                decisionRefused(delivered, work);
            }
            return;
        }
        Effective e = effective.get();
        for (SopExecution running : store.running(work, e.correlationId())) {
            SopDocument doc = catalog.document(work, running.sopId(), running.sopVersion());
            SopExecution next = complete(work, running, doc, e);
            if (next != running) {
                store.save(work, unlock(work, next, doc, e));
            }
        }
        catalog.match(work, e).ifPresent(active -> {
            boolean alreadyRunning = store.running(work, e.correlationId()).stream()
                    .anyMatch(x -> x.sopId().equals(active.version().sopId()));
            if (!alreadyRunning) {
                start(work, active, e);
            }
        });
    }

    @Override
    public List<SopPolicy> activeFor(UnitOfWork work, UUID correlationId) {
        var policies = new ArrayList<SopPolicy>();
        for (SopExecution x : store.running(work, correlationId)) {
            SopDocument.AutomationPolicy p = catalog.document(work, x.sopId(), x.sopVersion()).automationPolicy();
            policies.add(new SopPolicy(x.sopId(), Set.copyOf(p.forbiddenActions()), p.confidenceThreshold(), p.financialLimit(),
                    Boolean.TRUE.equals(p.requireDualApproval())));
        }
        return policies;
    }

    private void start(UnitOfWork work, SopCatalog.Active active, Effective trigger) {
        SopDocument doc = active.document();
        Set<String> fallbacks = SopPlan.fallbackOnly(doc.steps());
        Instant at = timeOf(trigger.delivered());
        var steps = new ArrayList<StepState>();
        for (int i = 0; i < doc.steps().size(); i++) {
            SopDocument.Step s = doc.steps().get(i);
            boolean standby = fallbacks.contains(s.stepId());
            boolean required = !standby && !Boolean.TRUE.equals(s.optional());
            String status = standby ? StepState.STANDBY : s.dependencies().isEmpty() ? StepState.READY : StepState.PENDING;
            steps.add(new StepState(s.stepId(), i, s.name(), s.automationLevel(), status, required, null, null, null, null,
                    StepState.READY.equals(status) ? at : null, null, null, null));
        }
        UUID id = derived(active.version().sopId() + "/" + trigger.delivered().eventId());
        if (store.execution(work, id).isPresent()) {
            return; // the trigger delivered again: its execution exists already
        }
        var execution = new SopExecution(id, active.version().sopId(), active.version().version(), trigger.correlationId(),
                trigger.clientId(), trigger.delivered().eventId(), at, null, SopExecution.IN_PROGRESS, null, null, null, null,
                null, null, null, null, 0, steps);
        int required = (int) steps.stream().filter(StepState::required).count();
        emit(work, execution, "started", new SopEvent.ExecutionStarted(trigger.clientId(), id, execution.sopId(),
                execution.sopVersion(), trigger.delivered().eventId(), trigger.type(), required), trigger.delivered(), at);
        log.info("SOP {} v{} started for {} in flow {} (execution {})", execution.sopId(), execution.sopVersion(),
                trigger.type(), trigger.correlationId(), id);
        SopExecution next = complete(work, execution, doc, trigger);
        store.save(work, unlock(work, next, doc, trigger));
    }

    // Completes the first open step that the effective event completes; the same execution when none.
    private SopExecution complete(UnitOfWork work, SopExecution x, SopDocument doc, Effective e) {
        for (int i = 0; i < x.steps().size(); i++) {
            StepState state = x.steps().get(i);
            SopDocument.Step step = doc.steps().get(state.position());
            boolean byEvent = step.completingTypes().contains(e.type());
            boolean byTask = e.type().equals(EventTypes.TASK_COMPLETED) && state.taskId() != null
                    && state.taskId().equals(e.event().stream().id());
            if (!state.open() || !(byEvent || byTask)) {
                continue;
            }
            boolean automated = !step.manual() && !e.byHuman() && !byTask;
            BigDecimal minutes = automated ? BigDecimal.ZERO : humanMinutes(step, e, byTask);
            BigDecimal cost = automated
                    ? (step.agentCost() == null ? BigDecimal.ZERO : step.agentCost())
                    : minutes.multiply(doc.hourlyRate()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
            Instant at = timeOf(e.delivered());
            var steps = new ArrayList<>(x.steps());
            steps.set(i, state.completed(automated, minutes, cost, at, e.delivered().eventId(), e.type()));
            SopExecution next = x.withSteps(steps);
            if (e.release().filter(r -> r instanceof ApprovalEvent.Overridden).isPresent()) {
                next = next.corrected();
            }
            emit(work, next, "step/" + step.stepId(), new SopEvent.StepCompleted(x.clientId(), x.executionId(), x.sopId(),
                    step.stepId(), automated, minutes, cost, e.delivered().eventId()), e.delivered(), at);
            if (step.endsExecution(e.type())) {
                return finish(work, next, doc, e.delivered(), "ended by " + e.type() + " at step " + step.stepId());
            }
            return next;
        }
        return x;
    }

    private static BigDecimal humanMinutes(SopDocument.Step step, Effective e, boolean byTask) {
        if (byTask) {
            Integer spent = e.payloadAs(TaskEvent.Completed.class).minutesSpent();
            if (spent != null && spent >= 0) {
                return BigDecimal.valueOf(spent);
            }
        }
        if (step.humanMinutes() != null) {
            return step.humanMinutes();
        }
        return step.manual() ? MANUAL_MINUTES : REVIEW_MINUTES;
    }

    // Steps whose dependencies are done become ready: a manual one gets a task, one with a timeout a deadline.
    private SopExecution unlock(UnitOfWork work, SopExecution x, SopDocument doc, Effective cause) {
        if (!x.running()) {
            return x;
        }
        Set<String> done = new HashSet<>();
        x.steps().stream().filter(s -> s.done() || StepState.SKIPPED.equals(s.status())).forEach(s -> done.add(s.stepId()));
        Instant at = timeOf(cause.delivered());
        var steps = new ArrayList<>(x.steps());
        for (int i = 0; i < steps.size(); i++) {
            StepState state = steps.get(i);
            SopDocument.Step step = doc.steps().get(state.position());
            if (StepState.PENDING.equals(state.status()) && done.containsAll(step.dependencies())) {
                state = state.ready(at);
            }
            if (StepState.READY.equals(state.status()) && state.taskId() == null && step.manual()) {
                state = state.withTask(createTask(work, x, step, cause.delivered(), at, step.name()));
            }
            if (StepState.READY.equals(state.status()) && steps.get(i) != state && step.timeoutHours() != null) {
                scheduler.schedule(work, JobRequest.once(STEP_TIMEOUT_JOB, x.executionId() + ":" + step.stepId(),
                        at.plus(Duration.ofMinutes(Math.round(step.timeoutHours() * 60))), "{}"));
            }
            steps.set(i, state);
        }
        SopExecution next = x.withSteps(steps);
        boolean allDone = next.steps().stream().filter(StepState::required).allMatch(StepState::done);
        return allDone ? finish(work, next, doc, cause.delivered(), "every required step done") : next;
    }

    private SopExecution finish(UnitOfWork work, SopExecution x, SopDocument doc, RecordedEvent cause, String how) {
        Instant at = timeOf(cause);
        var steps = new ArrayList<StepState>();
        for (StepState s : x.steps()) {
            steps.add(s.open() || StepState.STANDBY.equals(s.status()) ? s.withStatus(StepState.SKIPPED) : s);
        }
        List<StepState> performed = steps.stream().filter(StepState::done).toList();
        int total = performed.size();
        int automated = (int) performed.stream().filter(s -> Boolean.TRUE.equals(s.automated())).count();
        BigDecimal rate = total == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(automated).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        BigDecimal minutes = performed.stream().map(s -> s.humanMinutes() == null ? BigDecimal.ZERO : s.humanMinutes())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal hours = minutes.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        BigDecimal cost = performed.stream().map(s -> s.cost() == null ? BigDecimal.ZERO : s.cost())
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal cycle = BigDecimal.valueOf(Duration.between(x.startedAt(), at).toSeconds())
                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
        BigDecimal quality = BigDecimal.ONE.subtract(CORRECTION_PENALTY.multiply(BigDecimal.valueOf(x.corrections())))
                .max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        String outcome = outcome(x.clientId(), "completed", how, steps, x.corrections());
        SopExecution done = x.withSteps(steps).ended(SopExecution.COMPLETED, at, cycle, total, automated, rate, hours, cost,
                quality, outcome);
        emit(work, done, "completed", new SopEvent.ExecutionCompleted(x.clientId(), x.executionId(), x.sopId(), x.sopVersion(),
                x.startedAt(), at, cycle, total, automated, rate, hours, cost, quality), cause, at);
        log.info("SOP {} execution {} completed: {} h, {}/{} steps automated, {} human hours, cost {}", x.sopId(),
                x.executionId(), cycle, automated, total, hours, cost);
        return done;
    }

    // A person rejected (or let expire) a decision a step was waiting for.
    private void decisionRefused(RecordedEvent delivered, UnitOfWork work) {
        String decisionType;
        if (delivered.type().equals(EventTypes.HUMAN_APPROVAL_REJECTED)) {
            decisionType = EventCodec.decode(delivered, ApprovalEvent.Rejected.class).decisionEventType();
        } else {
            UUID decisionId = EventCodec.decode(delivered, ApprovalEvent.Expired.class).decisionEventId();
            decisionType = work.find(decisionId).map(RecordedEvent::type).orElse(null);
        }
        if (decisionType == null) {
            return;
        }
        Instant at = timeOf(delivered);
        for (SopExecution x : store.running(work, delivered.correlationId())) {
            SopDocument doc = catalog.document(work, x.sopId(), x.sopVersion());
            Optional<StepState> waiting = x.steps().stream()
                    .filter(s -> s.open() && doc.steps().get(s.position()).completingTypes().contains(decisionType))
                    .findFirst();
            if (waiting.isEmpty()) {
                continue;
            }
            SopDocument.Step step = doc.steps().get(waiting.get().position());
            var steps = new ArrayList<>(x.steps());
            SopExecution next;
            if (step.fallbackStep() != null) {
                steps.replaceAll(s -> s.stepId().equals(step.stepId()) ? s.withStatus(StepState.FAILED).notRequired()
                        : s.stepId().equals(step.fallbackStep()) ? s.requiredNow(at) : s);
                next = x.withSteps(steps).corrected();
                log.info("SOP {} execution {}: step {} refused by a person; falling back to {}", x.sopId(), x.executionId(),
                        step.stepId(), step.fallbackStep());
                next = unlock(work, next, doc, new Effective(delivered, delivered.payload(), delivered, Optional.empty(),
                        delivered.correlationId(), x.clientId()));
            } else if (step.escalateToHuman()) {
                String task = createTask(work, x, step, delivered, at, "Take over: " + step.name());
                steps.replaceAll(s -> s.stepId().equals(step.stepId()) ? s.withStatus(StepState.ESCALATED).withTask(task) : s);
                next = x.withSteps(steps).corrected().withStatus(SopExecution.ESCALATED);
                emit(work, next, "escalated/" + step.stepId(), new SopEvent.ExecutionEscalated(x.clientId(), x.executionId(),
                        x.sopId(), step.stepId(), "a person refused " + decisionType), delivered, at);
            } else {
                steps.replaceAll(s -> s.stepId().equals(step.stepId()) ? s.withStatus(StepState.FAILED) : s);
                SopExecution failed = x.withSteps(steps).corrected();
                next = failed.ended(SopExecution.FAILED, at, hoursBetween(x.startedAt(), at), null, null, null, null, null,
                        null, outcome(x.clientId(), "failed", "a person refused " + decisionType + " at step " + step.stepId(), steps,
                                failed.corrections()));
                log.info("SOP {} execution {} failed: a person refused {} at step {}", x.sopId(), x.executionId(),
                        decisionType, step.stepId());
            }
            store.save(work, next);
        }
    }

    private void stepTimedOut(Job job, UnitOfWork work) {
        String[] key = job.key().split(":", 2);
        Optional<SopExecution> found = store.execution(work, UUID.fromString(key[0]));
        if (found.isEmpty() || !found.get().running()) {
            return;
        }
        SopExecution x = found.get();
        Optional<StepState> late = x.steps().stream()
                .filter(s -> s.stepId().equals(key[1]) && StepState.READY.equals(s.status())).findFirst();
        if (late.isEmpty()) {
            return;
        }
        SopDocument doc = catalog.document(work, x.sopId(), x.sopVersion());
        SopDocument.Step step = doc.steps().get(late.get().position());
        Instant at = clock.instant();
        String task = late.get().taskId() != null ? late.get().taskId()
                : createTask(work, x, step, null, at, "Overdue, take over: " + step.name());
        var steps = new ArrayList<>(x.steps());
        steps.replaceAll(s -> s.stepId().equals(step.stepId()) ? s.withStatus(StepState.ESCALATED).withTask(task) : s);
        SopExecution next = x.withSteps(steps).withStatus(SopExecution.ESCALATED);
        emit(work, next, "timeout/" + step.stepId(), new SopEvent.ExecutionEscalated(x.clientId(), x.executionId(), x.sopId(),
                step.stepId(), "step " + step.stepId() + " passed its timeout of " + step.timeoutHours() + " h"), null, at);
        store.save(work, next);
        log.info("SOP {} execution {}: step {} passed its timeout; escalated to a person", x.sopId(), x.executionId(),
                step.stepId());
    }

    private String createTask(UnitOfWork work, SopExecution x, SopDocument.Step step, RecordedEvent cause, Instant at,
            String title) {
        String taskId = "TASK-" + derived(x.executionId() + "/task/" + step.stepId() + "/" + title).toString().substring(0, 13);
        String role = step.responsibleAgent() != null && ActionClasses.ROLES.contains(step.responsibleAgent())
                ? step.responsibleAgent() : "employee";
        Instant due = at.plus(step.timeoutHours() == null ? Duration.ofHours(24) : Duration.ofMinutes(Math.round(step.timeoutHours() * 60)));
        var created = new TaskEvent.Created(x.clientId(), taskId, title, role, due, x.executionId().toString(), step.stepId());
        append(work, StreamId.of("TASK", taskId), "task/" + x.executionId() + "/" + step.stepId() + "/" + title, created,
                x.correlationId(), cause == null ? null : cause.eventId(), at);
        return taskId;
    }

    private void emit(UnitOfWork work, SopExecution x, String label, DomainEvent event, RecordedEvent cause, Instant at) {
        append(work, StreamId.of("SOP_EXECUTION", x.executionId().toString()), x.executionId() + "/" + label, event,
                x.correlationId(), cause == null ? null : cause.eventId(), at);
    }

    private static void append(UnitOfWork work, StreamId stream, String idBasis, DomainEvent event, UUID correlation,
            UUID causation, Instant at) {
        work.append(stream, ExpectedVersion.any(), List.of(new NewEvent(derived("sop-engine/" + idBasis),
                EventCodec.typeOf(event), EventCodec.payload(event), "{}", correlation, causation, NAME, null, at)));
    }

    private static String outcome(String clientId, String result, String how, List<StepState> steps, int corrections) {
        var outcome = new LinkedHashMap<String, Object>();
        // The access layer's tenancy reads an execution's client here.
        outcome.put("client_id", clientId);
        outcome.put("result", result);
        outcome.put("how", how);
        outcome.put("corrections", corrections);
        var list = new ArrayList<Map<String, Object>>();
        for (StepState s : steps) {
            var step = new LinkedHashMap<String, Object>();
            step.put("step_id", s.stepId());
            step.put("status", s.status());
            step.put("automated", s.automated());
            step.put("human_minutes", s.humanMinutes());
            step.put("cost", s.cost());
            step.put("completed_by_event", s.completingEventType());
            list.add(step);
        }
        outcome.put("steps", list);
        return EventCodec.write(outcome);
    }

    private Instant timeOf(RecordedEvent event) {
        return event != null && event.timestamp() != null ? event.timestamp() : clock.instant();
    }

    private static BigDecimal hoursBetween(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toSeconds()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    private static UUID derived(String basis) {
        return UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8));
    }
}

package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.oversight.SopPolicies;
import com.bigbox.autonomic.oversight.SopPolicy;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * The engine decides; every change of an execution is an event ({@code SOP_EXECUTION/<id>}) that
 * {@link SopExecutionsProjection} folds into the rows in the same transaction.
 */
public final class SopEngine implements SopPolicies {
    public static final String NAME = AgentCatalog.SOP_ENGINE;
    public static final String STEP_TIMEOUT_JOB = SopExecutionsProjection.STEP_TIMEOUT_JOB;
    static final BigDecimal MANUAL_MINUTES = new BigDecimal("30");
    static final BigDecimal REVIEW_MINUTES = new BigDecimal("5");
    static final BigDecimal CORRECTION_PENALTY = new BigDecimal("0.25");
    private static final Logger log = LoggerFactory.getLogger(SopEngine.class);

    private final SopStore store;
    private final SopCatalog catalog;
    private final Flows flows;
    private final ProjectionLock lock;
    private final SopEvents events;
    private final SopStepTimeouts timeouts;

    public SopEngine(
            SopStore store,
            SopCatalog catalog,
            Flows flows,
            SopExecutionsProjection executions,
            ProjectionLock lock,
            Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.flows = flows;
        this.lock = lock;
        this.events = new SopEvents(executions, clock);
        this.timeouts = new SopStepTimeouts(store, catalog, events, lock, clock);
    }

    public void register(JobRunner runner) {
        timeouts.register(runner);
    }

    public void handle(RecordedEvent delivered, UnitOfWork work) {
        if (delivered.type().equals(EventTypes.SOP_VERSION_ACTIVATED)) {
            catalog.invalidate();
        }
        if (NAME.equals(delivered.emittedBy())) {
            return;
        }
        lock.shared(work);
        // A refusal is a fact of its own (it takes effect as itself), and it also ends what its decision's step waited
        // for.
        if (delivered.type().equals(EventTypes.HUMAN_APPROVAL_REJECTED)
                || delivered.type().equals(EventTypes.HUMAN_APPROVAL_EXPIRED)) {
            decisionRefused(delivered, work);
        }
        Optional<Effective> effective = flows.resolve(delivered, work);
        if (effective.isEmpty()) {
            return;
        }
        Effective e = effective.get();
        for (SopExecution running : store.running(work, e.correlationId())) {
            SopDocument doc = catalog.document(work, running.sopId(), running.sopVersion());
            if (complete(work, running, doc, e)) {
                unlock(work, running.executionId(), doc, e.delivered());
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
            SopDocument.AutomationPolicy p =
                    catalog.document(work, x.sopId(), x.sopVersion()).automationPolicy();
            policies.add(new SopPolicy(
                    x.sopId(),
                    Set.copyOf(p.forbiddenActions()),
                    p.confidenceThreshold(),
                    p.financialLimit(),
                    Boolean.TRUE.equals(p.requireDualApproval())));
        }
        return policies;
    }

    private void start(UnitOfWork work, SopCatalog.Active active, Effective trigger) {
        SopDocument doc = active.document();
        Set<String> fallbacks = SopPlan.fallbackOnly(doc.steps());
        var steps = new ArrayList<SopEvent.InitialStep>();
        for (int i = 0; i < doc.steps().size(); i++) {
            SopDocument.Step s = doc.steps().get(i);
            boolean standby = fallbacks.contains(s.stepId());
            boolean required = !standby && !Boolean.TRUE.equals(s.optional());
            String status =
                    standby ? StepState.STANDBY : s.dependencies().isEmpty() ? StepState.READY : StepState.PENDING;
            steps.add(new SopEvent.InitialStep(s.stepId(), i, s.name(), s.automationLevel(), status, required));
        }
        UUID id = SopEvents.derived(
                active.version().sopId() + "/" + trigger.delivered().eventId());
        if (store.execution(work, id).isPresent()) {
            return; // the trigger delivered again: its execution exists already
        }
        int required =
                (int) steps.stream().filter(SopEvent.InitialStep::required).count();
        events.emit(
                work,
                id,
                trigger.correlationId(),
                "started",
                new SopEvent.ExecutionStarted(
                        trigger.clientId(),
                        id,
                        active.version().sopId(),
                        active.version().version(),
                        trigger.delivered().eventId(),
                        trigger.type(),
                        required,
                        steps),
                trigger.delivered(),
                events.timeOf(trigger.delivered()));
        log.info(
                "SOP {} v{} started for {} in flow {} (execution {})",
                active.version().sopId(),
                active.version().version(),
                trigger.type(),
                trigger.correlationId(),
                id);
        SopExecution started = store.execution(work, id).orElseThrow();
        complete(work, started, doc, trigger);
        unlock(work, id, doc, trigger.delivered());
    }

    // Completes the first open step that the effective event completes; false when it completes none.
    private boolean complete(UnitOfWork work, SopExecution x, SopDocument doc, Effective e) {
        for (StepState state : x.steps()) {
            SopDocument.Step step = doc.steps().get(state.position());
            boolean byEvent = step.completingTypes().contains(e.type());
            boolean byTask = e.type().equals(EventTypes.TASK_COMPLETED)
                    && state.taskId() != null
                    && state.taskId().equals(e.event().stream().id());
            if (!state.open() || !(byEvent || byTask)) {
                continue;
            }
            boolean automated = !step.manual() && !e.byHuman() && !byTask;
            BigDecimal minutes = automated ? BigDecimal.ZERO : humanMinutes(step, e, byTask);
            BigDecimal cost = automated
                    ? (step.agentCost() == null ? BigDecimal.ZERO : step.agentCost())
                    : minutes.multiply(doc.hourlyRate()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
            boolean corrected = e.release()
                    .filter(r -> r instanceof ApprovalEvent.Overridden)
                    .isPresent();
            events.emit(
                    work,
                    x,
                    "step/" + step.stepId(),
                    new SopEvent.StepCompleted(
                            x.clientId(),
                            x.executionId(),
                            x.sopId(),
                            step.stepId(),
                            automated,
                            minutes,
                            cost,
                            e.delivered().eventId(),
                            e.type(),
                            corrected),
                    e.delivered(),
                    events.timeOf(e.delivered()));
            if (step.endsExecution(e.type())) {
                finish(
                        work,
                        store.execution(work, x.executionId()).orElseThrow(),
                        e.delivered(),
                        "ended by " + e.type() + " at step " + step.stepId());
            }
            return true;
        }
        return false;
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
    private void unlock(UnitOfWork work, UUID executionId, SopDocument doc, RecordedEvent cause) {
        SopExecution x = store.execution(work, executionId).orElseThrow();
        if (!x.running()) {
            return;
        }
        Set<String> done = new HashSet<>();
        x.steps().stream()
                .filter(s -> s.done() || StepState.SKIPPED.equals(s.status()))
                .forEach(s -> done.add(s.stepId()));
        Instant at = events.timeOf(cause);
        for (StepState state : x.steps()) {
            SopDocument.Step step = doc.steps().get(state.position());
            boolean becomesReady = StepState.PENDING.equals(state.status()) && done.containsAll(step.dependencies());
            boolean ready = becomesReady || StepState.READY.equals(state.status());
            boolean needsTask = ready && state.taskId() == null && step.manual();
            if (becomesReady || needsTask) {
                String task = needsTask ? events.createTask(work, x, step, cause, at, step.name()) : null;
                Instant timeoutAt = step.timeoutHours() == null
                        ? null
                        : at.plus(Duration.ofMinutes(Math.round(step.timeoutHours() * 60)));
                events.emit(
                        work,
                        x,
                        "ready/" + step.stepId(),
                        new SopEvent.StepReady(
                                x.clientId(), x.executionId(), x.sopId(), step.stepId(), task, timeoutAt),
                        cause,
                        at);
            }
        }
        SopExecution next = store.execution(work, executionId).orElseThrow();
        if (next.steps().stream().filter(StepState::required).allMatch(StepState::done)) {
            finish(work, next, cause, "every required step done");
        }
    }

    private void finish(UnitOfWork work, SopExecution x, RecordedEvent cause, String how) {
        Instant at = events.timeOf(cause);
        List<StepState> performed = x.steps().stream().filter(StepState::done).toList();
        int total = performed.size();
        int automated = (int) performed.stream()
                .filter(s -> Boolean.TRUE.equals(s.automated()))
                .count();
        BigDecimal rate = total == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(automated).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        BigDecimal minutes = performed.stream()
                .map(s -> s.humanMinutes() == null ? BigDecimal.ZERO : s.humanMinutes())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal hours = minutes.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        BigDecimal cost = performed.stream()
                .map(s -> s.cost() == null ? BigDecimal.ZERO : s.cost())
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal cycle = SopEvents.hoursBetween(x.startedAt(), at);
        BigDecimal quality = BigDecimal.ONE
                .subtract(CORRECTION_PENALTY.multiply(BigDecimal.valueOf(x.corrections())))
                .max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.HALF_UP);
        events.emit(
                work,
                x,
                "completed",
                new SopEvent.ExecutionCompleted(
                        x.clientId(),
                        x.executionId(),
                        x.sopId(),
                        x.sopVersion(),
                        x.startedAt(),
                        at,
                        cycle,
                        total,
                        automated,
                        rate,
                        hours,
                        cost,
                        quality,
                        how),
                cause,
                at);
        log.info(
                "SOP {} execution {} completed: {} h, {}/{} steps automated, {} human hours, cost {}",
                x.sopId(),
                x.executionId(),
                cycle,
                automated,
                total,
                hours,
                cost);
    }

    // A person rejected (or let expire) a decision a step was waiting for.
    private void decisionRefused(RecordedEvent delivered, UnitOfWork work) {
        String decisionType;
        if (delivered.type().equals(EventTypes.HUMAN_APPROVAL_REJECTED)) {
            decisionType =
                    EventCodec.decode(delivered, ApprovalEvent.Rejected.class).decisionEventType();
        } else {
            UUID decisionId =
                    EventCodec.decode(delivered, ApprovalEvent.Expired.class).decisionEventId();
            decisionType = decisionId == null
                    ? null
                    : work.find(decisionId).map(RecordedEvent::type).orElse(null);
        }
        if (decisionType == null) {
            return;
        }
        Instant at = events.timeOf(delivered);
        for (SopExecution x : store.running(work, delivered.correlationId())) {
            SopDocument doc = catalog.document(work, x.sopId(), x.sopVersion());
            Optional<StepState> waiting = x.steps().stream()
                    .filter(s -> s.open()
                            && doc.steps().get(s.position()).completingTypes().contains(decisionType))
                    .findFirst();
            if (waiting.isEmpty()) {
                continue;
            }
            SopDocument.Step step = doc.steps().get(waiting.get().position());
            String reason = "a person refused " + decisionType;
            if (step.fallbackStep() != null) {
                events.emit(
                        work,
                        x,
                        "failed/" + step.stepId(),
                        new SopEvent.StepFailed(
                                x.clientId(), x.executionId(), x.sopId(), step.stepId(), step.fallbackStep(), reason),
                        delivered,
                        at);
                log.info(
                        "SOP {} execution {}: step {} refused by a person; falling back to {}",
                        x.sopId(),
                        x.executionId(),
                        step.stepId(),
                        step.fallbackStep());
                unlock(work, x.executionId(), doc, delivered);
            } else if (step.escalateToHuman()) {
                String task = events.createTask(work, x, step, delivered, at, "Take over: " + step.name());
                events.emit(
                        work,
                        x,
                        "escalated/" + step.stepId(),
                        new SopEvent.ExecutionEscalated(
                                x.clientId(), x.executionId(), x.sopId(), step.stepId(), reason, task, true),
                        delivered,
                        at);
            } else {
                events.emit(
                        work,
                        x,
                        "failed",
                        new SopEvent.ExecutionFailed(
                                x.clientId(),
                                x.executionId(),
                                x.sopId(),
                                step.stepId(),
                                reason + " at step " + step.stepId(),
                                SopEvents.hoursBetween(x.startedAt(), at)),
                        delivered,
                        at);
                log.info(
                        "SOP {} execution {} failed: a person refused {} at step {}",
                        x.sopId(),
                        x.executionId(),
                        decisionType,
                        step.stepId());
            }
        }
    }
}

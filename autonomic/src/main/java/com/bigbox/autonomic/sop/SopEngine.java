package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.oversight.SopPolicies;
import com.bigbox.autonomic.oversight.SopPolicy;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.util.ArrayList;
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
    private static final Logger log = LoggerFactory.getLogger(SopEngine.class);

    private final SopStore store;
    private final SopCatalog catalog;
    private final Flows flows;
    private final ProjectionLock lock;
    private final SopEvents events;
    private final SopProgress progress;
    private final SopRefusals refusals;
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
        this.progress = new SopProgress(store, events);
        this.refusals = new SopRefusals(store, catalog, events, progress);
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
            refusals.decisionRefused(delivered, work);
        }
        Optional<Effective> effective = flows.resolve(delivered, work);
        if (effective.isEmpty()) {
            return;
        }
        Effective e = effective.get();
        for (SopExecution running : store.running(work, e.correlationId())) {
            SopDocument doc = catalog.document(work, running.sopId(), running.sopVersion());
            if (progress.complete(work, running, doc, e)) {
                progress.unlock(work, running.executionId(), doc, e.delivered());
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
        progress.complete(work, started, doc, trigger);
        progress.unlock(work, id, doc, trigger.delivered());
    }
}

package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.projections.Projection;
import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code sop_executions} and {@code sop_execution_steps}, and the timeout jobs of steps that wait: all of
 * it folded from the {@code SOP_EXECUTION/<id>} events. {@link SopEngine} appends an event and applies it
 * here in the same transaction; a rebuild applies the log.
 */
public final class SopExecutionsProjection implements Projection {
    public static final String NAME = "sop_executions";
    static final String STEP_TIMEOUT_JOB = "sop.step-timeout";

    private final SopStore store;
    private final JobScheduler scheduler;

    public SopExecutionsProjection(SopStore store, JobScheduler scheduler) {
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
        return List.of("sop_executions", "sop_execution_steps", "scheduled_jobs (" + STEP_TIMEOUT_JOB + ")");
    }

    @Override
    public List<String> dependsOn() {
        return List.of(SopDefinitionsProjection.NAME);
    }

    @Override
    public void reset(UnitOfWork work) {
        store.resetExecutions(work);
        scheduler.clear(work, STEP_TIMEOUT_JOB);
    }

    static String timeoutKey(SopExecution execution, String stepId) {
        return execution.executionId() + ":" + stepId;
    }

    @Override
    public void apply(RecordedEvent event, UnitOfWork work) {
        if (!"SOP_EXECUTION".equals(event.stream().type())) {
            return;
        }
        Optional<DomainEvent> decoded = EventCodec.decode(event);
        if (decoded.isEmpty() || !(decoded.get() instanceof SopEvent.ExecutionEvent change)) {
            return;
        }
        Instant at = event.timestamp();
        Optional<SopExecution> current = store.execution(work, change.executionId());
        if (change instanceof SopEvent.ExecutionStarted started) {
            if (current.isEmpty()) {
                store.save(work, SopExecution.started(started, event.correlationId(), at), at);
            }
            return;
        }
        if (current.isEmpty()) {
            return;
        }
        SopExecution next = current.get().apply(change, at);
        store.save(work, next, at);
        switch (change) {
            case SopEvent.StepReady r -> {
                if (r.timeoutAt() != null) {
                    scheduler.schedule(
                            work, JobRequest.once(STEP_TIMEOUT_JOB, timeoutKey(next, r.stepId()), r.timeoutAt(), "{}"));
                }
            }
            case SopEvent.StepCompleted c -> scheduler.cancel(work, STEP_TIMEOUT_JOB, timeoutKey(next, c.stepId()));
            case SopEvent.StepFailed f -> scheduler.cancel(work, STEP_TIMEOUT_JOB, timeoutKey(next, f.stepId()));
            case SopEvent.ExecutionCompleted c ->
                next.steps().forEach(s -> scheduler.cancel(work, STEP_TIMEOUT_JOB, timeoutKey(next, s.stepId())));
            case SopEvent.ExecutionFailed f ->
                next.steps().forEach(s -> scheduler.cancel(work, STEP_TIMEOUT_JOB, timeoutKey(next, s.stepId())));
            case SopEvent.ExecutionEscalated e ->
                scheduler.cancel(work, STEP_TIMEOUT_JOB, timeoutKey(next, e.stepId()));
            case SopEvent.ExecutionStarted s -> {}
        }
    }
}

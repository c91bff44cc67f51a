package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.autonomic.scheduling.Job;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SOP engine's job on the durable schedule: a ready step past its timeout escalates to a person, with a task. */
final class SopStepTimeouts {
    private static final Logger log = LoggerFactory.getLogger(SopStepTimeouts.class);

    private final SopStore store;
    private final SopCatalog catalog;
    private final SopEvents events;
    private final ProjectionLock lock;
    private final Clock clock;

    SopStepTimeouts(SopStore store, SopCatalog catalog, SopEvents events, ProjectionLock lock, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.events = events;
        this.lock = lock;
        this.clock = clock;
    }

    void register(JobRunner runner) {
        runner.handle(SopEngine.STEP_TIMEOUT_JOB, this::stepTimedOut);
    }

    private void stepTimedOut(Job job, UnitOfWork work) {
        lock.shared(work);
        String[] key = job.key().split(":", 2);
        Optional<SopExecution> found = store.lock(work, UUID.fromString(key[0]));
        if (found.isEmpty() || !found.get().running()) {
            return;
        }
        SopExecution x = found.get();
        Optional<StepState> late = x.steps().stream()
                .filter(s -> s.stepId().equals(key[1]) && StepState.READY.equals(s.status()))
                .findFirst();
        if (late.isEmpty()) {
            return;
        }
        SopDocument doc = catalog.document(work, x.sopId(), x.sopVersion());
        SopDocument.Step step = doc.steps().get(late.get().position());
        Instant at = clock.instant();
        String task = late.get().taskId() != null
                ? late.get().taskId()
                : events.createTask(work, x, step, null, at, "Overdue, take over: " + step.name());
        events.emit(
                work,
                x,
                "timeout/" + step.stepId(),
                new SopEvent.ExecutionEscalated(
                        x.clientId(),
                        x.executionId(),
                        x.sopId(),
                        step.stepId(),
                        "step " + step.stepId() + " passed its timeout of " + step.timeoutHours() + " h",
                        task,
                        false),
                null,
                at);
        log.info(
                "SOP {} execution {}: step {} passed its timeout; escalated to a person",
                x.sopId(),
                x.executionId(),
                step.stepId());
    }
}

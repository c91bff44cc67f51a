package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a running SOP execution moves on: the step an effective event (or a person's task) completes is recorded with
 * what it cost, the steps whose dependencies are done become ready (a manual one with a task, one with a timeout with
 * a deadline), and when every required step is done the execution completes with its measurements.
 */
final class SopProgress {
    static final BigDecimal MANUAL_MINUTES = new BigDecimal("30");
    static final BigDecimal REVIEW_MINUTES = new BigDecimal("5");
    static final BigDecimal CORRECTION_PENALTY = new BigDecimal("0.25");
    // Logs as the SOP engine, as before this class was cut out of it.
    private static final Logger log = LoggerFactory.getLogger(SopEngine.class);

    private final SopStore store;
    private final SopEvents events;

    SopProgress(SopStore store, SopEvents events) {
        this.store = store;
        this.events = events;
    }

    // Completes the first open step that the effective event completes; false when it completes none.
    boolean complete(UnitOfWork work, SopExecution x, SopDocument doc, Effective e) {
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
    void unlock(UnitOfWork work, UUID executionId, SopDocument doc, RecordedEvent cause) {
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
}

package com.bigbox.autonomic.sop;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.SopEvent;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.core.AppendResult;
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
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How the SOP engine writes: an execution's events on {@code SOP_EXECUTION/<id>}, each applied at once to the rows by
 * {@link SopExecutionsProjection}, and the tasks it hands to people on {@code TASK/<id>}. Ids derive from what the
 * event is about, so a trigger delivered again stores nothing twice.
 */
final class SopEvents {
    private final SopExecutionsProjection executions;
    private final Clock clock;

    SopEvents(SopExecutionsProjection executions, Clock clock) {
        this.executions = executions;
        this.clock = clock;
    }

    String createTask(
            UnitOfWork work,
            SopExecution x,
            SopDocument.Step step,
            @Nullable RecordedEvent cause,
            Instant at,
            String title) {
        String taskId = "TASK-"
                + derived(x.executionId() + "/task/" + step.stepId() + "/" + title)
                        .toString()
                        .substring(0, 13);
        String role = step.responsibleAgent() != null && ActionClasses.ROLES.contains(step.responsibleAgent())
                ? step.responsibleAgent()
                : "employee";
        Instant due = at.plus(
                step.timeoutHours() == null
                        ? Duration.ofHours(24)
                        : Duration.ofMinutes(Math.round(step.timeoutHours() * 60)));
        var created = new TaskEvent.Created(
                x.clientId(), taskId, title, role, due, x.executionId().toString(), step.stepId());
        append(
                work,
                StreamId.of("TASK", taskId),
                "task/" + x.executionId() + "/" + step.stepId() + "/" + title,
                created,
                x.correlationId(),
                cause == null ? null : cause.eventId(),
                at);
        return taskId;
    }

    void emit(
            UnitOfWork work,
            SopExecution x,
            String label,
            SopEvent.ExecutionEvent event,
            @Nullable RecordedEvent cause,
            Instant at) {
        emit(work, x.executionId(), x.correlationId(), label, event, cause, at);
    }

    // The event, and at once its effect on the rows (the same fold a rebuild applies).
    void emit(
            UnitOfWork work,
            UUID executionId,
            UUID correlation,
            String label,
            SopEvent.ExecutionEvent event,
            @Nullable RecordedEvent cause,
            Instant at) {
        AppendResult stored = append(
                work,
                StreamId.of("SOP_EXECUTION", executionId.toString()),
                executionId + "/" + label,
                event,
                correlation,
                cause == null ? null : cause.eventId(),
                at);
        if (!stored.duplicate()) {
            executions.apply(stored.events().getFirst(), work);
        }
    }

    private static AppendResult append(
            UnitOfWork work,
            StreamId stream,
            String idBasis,
            DomainEvent event,
            UUID correlation,
            @Nullable UUID causation,
            Instant at) {
        return work.append(
                stream,
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        derived("sop-engine/" + idBasis),
                        EventCodec.typeOf(event),
                        EventCodec.payload(event),
                        "{}",
                        correlation,
                        causation,
                        SopEngine.NAME,
                        null,
                        at)));
    }

    Instant timeOf(@Nullable RecordedEvent event) {
        return event != null && event.timestamp() != null ? event.timestamp() : clock.instant();
    }

    static BigDecimal hoursBetween(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toSeconds())
                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    static UUID derived(String basis) {
        return UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8));
    }
}

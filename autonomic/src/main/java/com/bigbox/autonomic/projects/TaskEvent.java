package com.bigbox.autonomic.projects;

import com.bigbox.autonomic.events.DomainEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Events of a task ({@code TASK/<task id>}): created by an agent or an SOP's human step, assigned, done. */
public sealed interface TaskEvent extends DomainEvent {

    /**
     * @param role who should do it (employee, designer, strategist, finance, manager, ceo)
     * @param sopExecutionId the SOP execution whose human step this task is, or null
     * @param sopStepId that step, or null
     * @param owner who the task is for when a meeting said so ({@code PERSON:Anna}, {@code ROLE:designer},
     *     {@code CLIENT:client}), or null
     */
    record Created(
            @Nullable String clientId,
            String taskId,
            String title,
            @Nullable String role,
            @Nullable Instant dueAt,
            @Nullable String sopExecutionId,
            @Nullable String sopStepId,
            @Nullable String owner)
            implements TaskEvent {
        public Created(
                @Nullable String clientId,
                String taskId,
                String title,
                @Nullable String role,
                @Nullable Instant dueAt,
                @Nullable String sopExecutionId,
                @Nullable String sopStepId) {
            this(clientId, taskId, title, role, dueAt, sopExecutionId, sopStepId, null);
        }
    }

    record Assigned(@Nullable String clientId, String taskId, String assignee, String role) implements TaskEvent {}

    /** @param minutesSpent the human minutes the task took, when known */
    record Completed(String clientId, String taskId, String completedBy, Integer minutesSpent) implements TaskEvent {}
}

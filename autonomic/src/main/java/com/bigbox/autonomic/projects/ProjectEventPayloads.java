package com.bigbox.autonomic.projects;

import static com.bigbox.autonomic.events.EventTypes.CREATIVE_BRIEF_GENERATED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_AT_RISK;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_MILESTONE_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_RECOMMENDED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.TASK_ASSIGNED;
import static com.bigbox.autonomic.events.EventTypes.TASK_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.TASK_CREATED;

import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventPayloads;
import java.util.Map;

/** The records the project and task events are stored as (found by {@code EventCatalogue}). */
public final class ProjectEventPayloads implements EventPayloads {
    @Override
    public Map<String, Class<? extends DomainEvent>> payloads() {
        return Map.of(
                CREATIVE_BRIEF_GENERATED, ProjectEvent.CreativeBriefGenerated.class,
                PROJECT_RECOMMENDED, ProjectEvent.Recommended.class,
                PROJECT_STARTED, ProjectEvent.Started.class,
                PROJECT_AT_RISK, ProjectEvent.AtRisk.class,
                PROJECT_MILESTONE_COMPLETED, ProjectEvent.MilestoneCompleted.class,
                PROJECT_COMPLETED, ProjectEvent.Completed.class,
                TASK_CREATED, TaskEvent.Created.class,
                TASK_ASSIGNED, TaskEvent.Assigned.class,
                TASK_COMPLETED, TaskEvent.Completed.class);
    }
}

package com.bigbox.autonomic.projects;

import static com.bigbox.autonomic.events.EventTypes.CREATIVE_BRIEF_GENERATED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_AT_RISK;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_MILESTONE_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_RECOMMENDED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.STAFF_AVAILABILITY_CHANGED;
import static com.bigbox.autonomic.events.EventTypes.TASK_ASSIGNED;
import static com.bigbox.autonomic.events.EventTypes.TASK_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.TASK_CREATED;

import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventPayloads;
import java.util.Map;

/** The records the project, task and staff calendar events are stored as (found by {@code EventCatalogue}). */
public final class ProjectEventPayloads implements EventPayloads {
    @Override
    public Map<String, Class<? extends DomainEvent>> payloads() {
        return Map.ofEntries(
                Map.entry(STAFF_AVAILABILITY_CHANGED, StaffEvent.AvailabilityChanged.class),
                Map.entry(CREATIVE_BRIEF_GENERATED, ProjectEvent.CreativeBriefGenerated.class),
                Map.entry(PROJECT_RECOMMENDED, ProjectEvent.Recommended.class),
                Map.entry(PROJECT_STARTED, ProjectEvent.Started.class),
                Map.entry(PROJECT_AT_RISK, ProjectEvent.AtRisk.class),
                Map.entry(PROJECT_MILESTONE_COMPLETED, ProjectEvent.MilestoneCompleted.class),
                Map.entry(PROJECT_COMPLETED, ProjectEvent.Completed.class),
                Map.entry(TASK_CREATED, TaskEvent.Created.class),
                Map.entry(TASK_ASSIGNED, TaskEvent.Assigned.class),
                Map.entry(TASK_COMPLETED, TaskEvent.Completed.class));
    }
}

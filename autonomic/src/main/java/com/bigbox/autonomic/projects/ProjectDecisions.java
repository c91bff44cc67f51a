package com.bigbox.autonomic.projects;

import static com.bigbox.autonomic.events.EventTypes.PROJECT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.TASK_CREATED;

import com.bigbox.autonomic.agents.Emission;
import com.bigbox.autonomic.flow.Effective;
import java.time.LocalDate;
import java.util.List;

/**
 * The project control rules as a pure function: a created task gets its assignee, by the staff calendar of the day; a started project whose plan
 * shows risk factors is flagged (one without any, nothing). What to emit is returned; {@link ProjectControlAgent}
 * emits it.
 */
public final class ProjectDecisions {
    private ProjectDecisions() {}

    /**
     * @param calendar the staff calendar as posted so far
     * @param today the day the decision is made (business time), whose calendar an assignment reads
     */
    public static List<Emission> decide(
            Effective trigger, ProjectReasoner reasoner, StaffCalendar calendar, LocalDate today) {
        return switch (trigger.type()) {
            case TASK_CREATED -> List.of(assign(trigger, reasoner, calendar, today));
            case PROJECT_STARTED -> assess(trigger, reasoner);
            default -> List.of();
        };
    }

    private static Emission assign(
            Effective trigger, ProjectReasoner reasoner, StaffCalendar calendar, LocalDate today) {
        TaskEvent.Created task = trigger.payloadAs(TaskEvent.Created.class);
        String taskId =
                task.taskId() != null ? task.taskId() : trigger.event().stream().id();
        TaskAssignment a = reasoner.assign(task, calendar, today);
        return Emission.of(
                        trigger.event().stream(),
                        new TaskEvent.Assigned(trigger.clientId(), taskId, a.assignee(), a.role()),
                        a,
                        "routine",
                        "Assign '" + task.title() + "' to " + a.assignee())
                .action("assign_task");
    }

    private static List<Emission> assess(Effective trigger, ProjectReasoner reasoner) {
        ProjectEvent.Started project = trigger.payloadAs(ProjectEvent.Started.class);
        ProjectAssessment assessment = reasoner.assess(project);
        if (assessment.riskFactors().isEmpty()) {
            return List.of();
        }
        String projectId = project.projectId() != null
                ? project.projectId()
                : trigger.event().stream().id();
        return List.of(Emission.of(
                        trigger.event().stream(),
                        new ProjectEvent.AtRisk(trigger.clientId(), projectId, assessment.riskFactors()),
                        assessment,
                        "delivery_risk",
                        "Project at risk: " + String.join("; ", assessment.riskFactors()))
                .action("flag_project_risk"));
    }
}

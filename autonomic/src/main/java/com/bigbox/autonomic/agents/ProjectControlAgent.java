package com.bigbox.autonomic.agents;

import static com.bigbox.autonomic.events.EventTypes.PROJECT_AT_RISK;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.TASK_ASSIGNED;
import static com.bigbox.autonomic.events.EventTypes.TASK_CREATED;

import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.autonomic.reasoning.ProjectAssessment;
import com.bigbox.autonomic.reasoning.TaskAssignment;
import java.util.Set;

/** Project control: tasks get assignees; a started project's plan is checked for risk factors. */
public final class ProjectControlAgent implements Agent {
    public static final String NAME = "ProjectControlAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "assigns tasks and flags projects whose plan is at risk",
            Set.of(TASK_CREATED, PROJECT_STARTED),
            Set.of(TASK_ASSIGNED, PROJECT_AT_RISK),
            Set.of(),
            AgentSettings.defaults(0.75));

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        if (trigger.type().equals(TASK_CREATED)) {
            TaskEvent.Created task = trigger.payloadAs(TaskEvent.Created.class);
            String taskId = task.taskId() != null
                    ? task.taskId()
                    : trigger.event().stream().id();
            TaskAssignment a = context.reasoner().assign(task);
            context.emit(Emission.of(
                            trigger.event().stream(),
                            new TaskEvent.Assigned(trigger.clientId(), taskId, a.assignee(), a.role()),
                            a,
                            "routine",
                            "Assign '" + task.title() + "' to " + a.assignee())
                    .action("assign_task"));
            return;
        }
        ProjectEvent.Started project = trigger.payloadAs(ProjectEvent.Started.class);
        ProjectAssessment assessment = context.reasoner().assess(project);
        if (assessment.riskFactors().isEmpty()) {
            return;
        }
        String projectId = project.projectId() != null
                ? project.projectId()
                : trigger.event().stream().id();
        context.emit(Emission.of(
                        trigger.event().stream(),
                        new ProjectEvent.AtRisk(trigger.clientId(), projectId, assessment.riskFactors()),
                        assessment,
                        "delivery_risk",
                        "Project at risk: " + String.join("; ", assessment.riskFactors()))
                .action("flag_project_risk"));
    }
}

package com.bigbox.autonomic.projects;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rostering and the original engine's project risk: a task goes to a person of the role it names (else of the role
 * its wording calls for, less surely); a project's risk is read against the original's risk lines by
 * {@link RiskLines}. Every number an answer depends on is named in its reasons.
 */
public class ProjectRules implements ProjectReasoner {
    @Override
    public TaskAssignment assign(TaskEvent.Created task) {
        @Nullable String stated = task.role() != null && Roster.hasRole(task.role()) ? task.role() : null;
        boolean named = stated != null;
        String role = stated != null ? stated : Roster.roleByWording(nullToEmpty(task.title()));
        double confidence = named ? 0.90 : 0.80;
        List<String> people =
                Roster.people(role).orElseThrow(() -> new NullPointerException("no roster for role " + role));
        String assignee = people.get(Math.floorMod(nullToEmpty(task.taskId()).hashCode(), people.size()));
        return new TaskAssignment(
                assignee,
                role,
                confidence,
                List.of(
                        named ? "the task names role " + role : "role " + role + " by the task's wording",
                        assignee + " is on the " + role + " roster"));
    }

    @Override
    public ProjectAssessment assess(ProjectEvent.Started project) {
        return RiskLines.assess(project);
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}

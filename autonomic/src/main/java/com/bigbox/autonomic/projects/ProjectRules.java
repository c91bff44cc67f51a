package com.bigbox.autonomic.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rostering and the original engine's project risk: a task goes to a person of the role it names (else of the role
 * its wording calls for, less surely); a timeline under 4 weeks, a team under 2, no budget or under 1500 a week, or
 * no accepted quote puts a project at risk. Every number an answer depends on is named in its reasons.
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
        var factors = new ArrayList<String>();
        if (project.timelineWeeks() != null && project.timelineWeeks() < 4) {
            factors.add("timeline of " + project.timelineWeeks() + " weeks is under 4");
        }
        if (project.teamSize() != null && project.teamSize() < 2) {
            factors.add("team of " + project.teamSize() + " is under 2");
        }
        if (project.budget() == null) {
            factors.add("no budget agreed");
        } else if (project.timelineWeeks() != null
                && project.timelineWeeks() > 0
                && project.budget()
                                .divide(BigDecimal.valueOf(project.timelineWeeks()), 2, RoundingMode.HALF_UP)
                                .compareTo(new BigDecimal("1500"))
                        < 0) {
            factors.add("budget under 1500 per week");
        }
        if (project.quoteId() == null) {
            factors.add("no accepted quote");
        }
        var reasons = new ArrayList<String>(factors);
        if (factors.isEmpty()) {
            reasons.add("timeline, team and budget are within bounds");
        }
        return new ProjectAssessment(factors, 0.85, reasons);
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}

package com.bigbox.autonomic.projects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Rostering and the original engine's project risk: a task goes to a person of the role it names (else of the role
 * its wording calls for, less surely) whom the staff calendar does not show away that day, and when everyone of
 * the role is away, to a person to decide; a project's risk is read against the original's risk lines by
 * {@link RiskLines}. Every number an answer depends on is named in its reasons.
 */
public class ProjectRules implements ProjectReasoner {
    /** The task names its role. */
    static final double NAMED = 0.90;
    /** The role is read from the task's wording, which can mislead. */
    static final double BY_WORDING = 0.80;
    /** Everyone of the role is away by the calendar: far below any threshold, so a person always decides. */
    static final double NOBODY_AVAILABLE = 0.30;

    @Override
    public TaskAssignment assign(TaskEvent.Created task, StaffCalendar calendar, LocalDate day) {
        @Nullable String stated = task.role() != null && Roster.hasRole(task.role()) ? task.role() : null;
        boolean named = stated != null;
        String role = stated != null ? stated : Roster.roleByWording(nullToEmpty(task.title()));
        List<String> people =
                Roster.people(role).orElseThrow(() -> new NullPointerException("no roster for role " + role));
        var reasons = new ArrayList<String>(
                List.of(named ? "the task names role " + role : "role " + role + " by the task's wording"));
        // The task's own person first, so it lands on the same one every time; the calendar skips whoever is away.
        int first = Math.floorMod(nullToEmpty(task.taskId()).hashCode(), people.size());
        for (int i = 0; i < people.size(); i++) {
            String candidate = people.get((first + i) % people.size());
            Optional<String> away = calendar.away(candidate, day);
            if (away.isEmpty()) {
                reasons.add(candidate + " is on the " + role + " roster");
                return new TaskAssignment(candidate, role, named ? NAMED : BY_WORDING, reasons);
            }
            reasons.add(candidate + " is away on " + day + " (" + away.get() + ")");
        }
        reasons.add("nobody on the " + role + " roster is available on " + day + ": a person picks who covers");
        return new TaskAssignment(people.get(first), role, NOBODY_AVAILABLE, reasons);
    }

    @Override
    public ProjectAssessment assess(ProjectEvent.Started project) {
        return RiskLines.assess(project);
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}

package com.bigbox.autonomic.projects;

import com.bigbox.autonomic.reasoning.Reasoner;
import java.time.LocalDate;

/** The project control agent's questions: who does a task, and is a started project's plan at risk. */
public interface ProjectReasoner {
    /** Who does {@code task}, given the staff calendar on {@code day} (the day it is assigned). */
    TaskAssignment assign(TaskEvent.Created task, StaffCalendar calendar, LocalDate day);

    ProjectAssessment assess(ProjectEvent.Started project);

    /** The reasoner {@code reasoner} plugged for projects, else {@link ProjectRules}. */
    static ProjectReasoner in(Reasoner reasoner) {
        return reasoner.seam(ProjectReasoner.class, new ProjectRules());
    }
}

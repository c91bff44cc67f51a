package com.bigbox.autonomic.projects;

import com.bigbox.autonomic.reasoning.Reasoner;

/** The project control agent's questions: who does a task, and is a started project's plan at risk. */
public interface ProjectReasoner {
    TaskAssignment assign(TaskEvent.Created task);

    ProjectAssessment assess(ProjectEvent.Started project);

    /** The reasoner {@code reasoner} plugged for projects, else {@link ProjectRules}. */
    static ProjectReasoner in(Reasoner reasoner) {
        return reasoner.seam(ProjectReasoner.class, new ProjectRules());
    }
}

package com.bigbox.autonomic.projects;

import com.bigbox.autonomic.reasoning.Judgement;
import java.util.List;

public record TaskAssignment(String assignee, String role, double confidence, List<String> reasons)
        implements Judgement {
    public TaskAssignment {
        reasons = List.copyOf(reasons);
    }
}

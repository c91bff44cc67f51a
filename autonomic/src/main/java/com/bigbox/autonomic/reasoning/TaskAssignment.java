package com.bigbox.autonomic.reasoning;

import java.util.List;

public record TaskAssignment(String assignee, String role, double confidence, List<String> reasons)
        implements Judgement {
    public TaskAssignment {
        reasons = List.copyOf(reasons);
    }
}

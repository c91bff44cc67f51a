package com.bigbox.autonomic.projects;

import com.bigbox.autonomic.reasoning.Judgement;
import java.util.List;

/** A started project's plan, checked; no risk factors means nothing to report. */
public record ProjectAssessment(List<String> riskFactors, double confidence, List<String> reasons)
        implements Judgement {
    public ProjectAssessment {
        riskFactors = List.copyOf(riskFactors);
        reasons = List.copyOf(reasons);
    }
}

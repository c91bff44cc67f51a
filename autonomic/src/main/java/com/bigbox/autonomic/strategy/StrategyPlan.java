package com.bigbox.autonomic.strategy;

import com.bigbox.autonomic.reasoning.Judgement;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A brief, a recommended project and its price, from an inferred intent. */
public record StrategyPlan(
        List<String> objectives,
        String audience,
        String tone,
        String serviceType,
        int timelineWeeks,
        int teamSize,
        @Nullable BigDecimal budget,
        BigDecimal quoteAmount,
        double confidence,
        List<String> reasons)
        implements Judgement {
    public StrategyPlan {
        objectives = List.copyOf(objectives);
        reasons = List.copyOf(reasons);
    }
}

package com.bigbox.autonomic.projects;

import com.bigbox.autonomic.events.DomainEvent;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Events of a project ({@code PROJECT/<project id>}). */
public sealed interface ProjectEvent extends DomainEvent {

    record CreativeBriefGenerated(
            @Nullable String clientId,
            String projectId,
            String serviceType,
            List<String> objectives,
            String audience,
            String tone)
            implements ProjectEvent {
        public CreativeBriefGenerated {
            objectives = objectives == null ? List.of() : List.copyOf(objectives);
        }
    }

    record Recommended(
            @Nullable String clientId,
            String projectId,
            String serviceType,
            BigDecimal budget,
            Integer timelineWeeks,
            Integer teamSize)
            implements ProjectEvent {}

    record Started(
            String clientId,
            String projectId,
            String quoteId,
            String serviceType,
            BigDecimal budget,
            Integer timelineWeeks,
            Integer teamSize)
            implements ProjectEvent {}

    record AtRisk(@Nullable String clientId, String projectId, List<String> riskFactors) implements ProjectEvent {
        public AtRisk {
            riskFactors = riskFactors == null ? List.of() : List.copyOf(riskFactors);
        }
    }

    record MilestoneCompleted(String clientId, String projectId, String milestone) implements ProjectEvent {}

    record Completed(String clientId, String projectId) implements ProjectEvent {}
}

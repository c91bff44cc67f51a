package com.bigbox.autonomic.meetings;

import com.bigbox.autonomic.reasoning.Judgement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a meeting's notes say: the client's intent, the follow-up tasks, and a risk if there is one. */
public record MeetingInsight(
        String intent,
        String serviceType,
        List<String> goals,
        @Nullable BigDecimal budget,
        @Nullable Integer timelineWeeks,
        double confidence,
        List<String> reasons,
        List<TaskToCreate> tasks,
        Optional<RiskFinding> risk)
        implements Judgement {
    public MeetingInsight {
        goals = List.copyOf(goals);
        reasons = List.copyOf(reasons);
        tasks = List.copyOf(tasks);
    }

    public record TaskToCreate(String title, String role, double confidence, List<String> reasons)
            implements Judgement {
        public TaskToCreate {
            reasons = List.copyOf(reasons);
        }
    }

    public record RiskFinding(
            String riskType, String severity, String description, double confidence, List<String> reasons)
            implements Judgement {
        public RiskFinding {
            reasons = List.copyOf(reasons);
        }
    }
}

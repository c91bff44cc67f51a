package com.bigbox.server.sop;

import com.bigbox.autonomic.sop.SopExecution;
import com.bigbox.autonomic.sop.StepState;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code sop_executions} (the seed's columns) with its steps. */
public record ExecutionView(
        UUID execution_id,
        String sop_id,
        int sop_version,
        UUID correlation_id,
        String client_id,
        UUID trigger_event_id,
        Instant started_at,
        Instant completed_at,
        String status,
        BigDecimal cycle_time_hours,
        Integer total_steps,
        Integer automated_steps,
        BigDecimal automation_rate,
        BigDecimal human_hours,
        BigDecimal estimated_cost,
        BigDecimal quality_score,
        @JsonRawValue String outcome,
        List<StepState> steps) {

    static ExecutionView of(SopExecution x) {
        return new ExecutionView(
                x.executionId(),
                x.sopId(),
                x.sopVersion(),
                x.correlationId(),
                x.clientId(),
                x.triggerEventId(),
                x.startedAt(),
                x.completedAt(),
                x.status(),
                x.cycleTimeHours(),
                x.totalSteps(),
                x.automatedSteps(),
                x.automationRate(),
                x.humanHours(),
                x.estimatedCost(),
                x.qualityScore(),
                x.outcome(),
                x.steps());
    }
}

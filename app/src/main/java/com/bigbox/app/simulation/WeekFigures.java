package com.bigbox.app.simulation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One week of a run, as the log tells it.
 *
 * @param days how many days the week had in the run (the last one may be short)
 * @param executed decisions Oversight executed with no person
 * @param asked decisions sent to a person (not the CEO)
 * @param ceoInterrupts decisions sent to the CEO
 * @param wrongAutonomous executed decisions that contradict the truth
 * @param agents each agent's threshold and autonomy level at the end of the week
 */
public record WeekFigures(int week, int days, long executed, long asked, long ceoInterrupts, long wrongAutonomous,
        long humanDecisions, long overrides, long manualTasks, long sopRuns, BigDecimal sopCycleHours, BigDecimal sopCost,
        Map<String, AgentState> agents) {

    /** @param decisionThresholds the decision types with a threshold of their own (calibrated per type) */
    public record AgentState(double threshold, String autonomy, java.util.Map<String, Double> decisionThresholds) {
        public AgentState {
            decisionThresholds = decisionThresholds == null ? java.util.Map.of() : java.util.Map.copyOf(decisionThresholds);
        }

        public AgentState(double threshold, String autonomy) {
            this(threshold, autonomy, java.util.Map.of());
        }
    }

    public long gated() {
        return executed + asked + ceoInterrupts;
    }

    /** Autonomously executed ÷ gated decisions, 0 to 1. */
    public double automationRate() {
        return gated() == 0 ? 0 : (double) executed / gated();
    }

    /** Share of the autonomous decisions that were wrong, 0 to 1. */
    public double wrongRate() {
        return executed == 0 ? 0 : (double) wrongAutonomous / executed;
    }

    public double approvalsPerDay() {
        return days == 0 ? 0 : (double) (asked + ceoInterrupts) / days;
    }
}

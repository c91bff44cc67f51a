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
 * @param effect the decisions that took effect with no person: executed alone, or approved by silence
 * @param agents each agent's threshold and autonomy level at the end of the week
 */
public record WeekFigures(
        int week,
        int days,
        long executed,
        long asked,
        long ceoInterrupts,
        Effect effect,
        long humanDecisions,
        long overrides,
        long manualTasks,
        long sopRuns,
        BigDecimal sopCycleHours,
        BigDecimal sopCost,
        Map<String, AgentState> agents) {

    /** @param decisionThresholds the decision types with a threshold of their own (calibrated per type) */
    public record AgentState(double threshold, String autonomy, java.util.Map<String, Double> decisionThresholds) {
        public AgentState {
            decisionThresholds =
                    decisionThresholds == null ? java.util.Map.of() : java.util.Map.copyOf(decisionThresholds);
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

    /**
     * Decisions that took effect with no person deciding them, and what the truth says of them.
     *
     * @param unattended how many took effect alone or by silence
     * @param judged how many of those the truth could judge
     * @param wrong how many of those were wrong
     */
    public record Effect(long unattended, long judged, long wrong) {
        public static final Effect NONE = new Effect(0, 0, 0);

        public Effect plus(Effect o) {
            return new Effect(unattended + o.unattended, judged + o.judged, wrong + o.wrong);
        }

        Effect plus(DecisionTruth.Verdict verdict) {
            return new Effect(
                    unattended + 1,
                    judged + (verdict == DecisionTruth.Verdict.UNJUDGED ? 0 : 1),
                    wrong + (verdict == DecisionTruth.Verdict.WRONG ? 1 : 0));
        }

        /** Wrong ÷ judged, 0 to 1. */
        public double wrongRateJudged() {
            return judged == 0 ? 0 : (double) wrong / judged;
        }

        /** Judged ÷ unattended, 0 to 1 (1 when nothing took effect: nothing escaped ruling). */
        public double judgedShare() {
            return unattended == 0 ? 1 : (double) judged / unattended;
        }
    }

    public double wrongRate() {
        return effect.wrongRateJudged();
    }

    public double approvalsPerDay() {
        return days == 0 ? 0 : (double) (asked + ceoInterrupts) / days;
    }
}

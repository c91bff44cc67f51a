package com.bigbox.autonomic.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the self-improvement loops find and change: signals (gaps, margin leaks, drift, doctrine
 * violations), proposals a person may have to approve, and the weekly review. Every one names its
 * evidence, the events it was computed from.
 */
public sealed interface ImprovementEvent extends DomainEvent {
    List<UUID> evidence();

    @Override
    default @Nullable String clientId() {
        return null;
    }

    /** The same kind of manual task happened again: work worth automating, and an SOP review due by {@code reviewDueAt}. */
    record AutomationGapDetected(
            String taskKind,
            int occurrences,
            double hoursPerWeek,
            BigDecimal costPerWeek,
            Instant reviewDueAt,
            List<UUID> evidence)
            implements ImprovementEvent {}

    /**
     * @param actionTaken warned, justification_required or escalated: the phase's action
     */
    record DoctrineViolationRecorded(
            String rule,
            String phase,
            int week,
            String actionTaken,
            String subject,
            String detail,
            String doctrineVersion,
            List<UUID> evidence)
            implements ImprovementEvent {}

    /** @param change (current − baseline) / baseline of the cycle time */
    record ProcessDriftDetected(
            String sopId,
            double baselineHours,
            double currentHours,
            double change,
            int samples,
            boolean requiresHuman,
            List<UUID> evidence)
            implements ImprovementEvent {}

    record HumanFatigueSignal(String person, int overrides, int windowDays, boolean requiresHuman, List<UUID> evidence)
            implements ImprovementEvent {}

    record ClientAttentionDecay(
            String clientId, double attendance, int meetings, boolean requiresHuman, List<UUID> evidence)
            implements ImprovementEvent {}

    /** @param direction overconfident (bunched above the high mark) or underconfident (below the low one) */
    record ConfidenceCalibrationRequired(
            String agentId,
            int samples,
            double shareAboveHigh,
            double shareBelowLow,
            String direction,
            List<UUID> evidence)
            implements ImprovementEvent {}

    /**
     * @param metric automation_rate, cycle_time or cost
     * @param monthlySavings what meeting the target would save a month ((actual − target) × executions a week × 4 for cost)
     */
    record SopOptimizationRecommended(
            String sopId,
            String metric,
            String recommendation,
            double actual,
            double target,
            BigDecimal monthlySavings,
            int executions,
            List<UUID> evidence)
            implements ImprovementEvent {}

    /** An SOP costs more than its target by more than the doctrine's overrun: a person looks at it. */
    record MarginErosionDetected(
            String sopId,
            BigDecimal actualCost,
            BigDecimal targetCost,
            BigDecimal monthlyLoss,
            int executions,
            boolean requiresHuman,
            List<UUID> evidence)
            implements ImprovementEvent {}

    /**
     * A new version of an SOP, with everything its activation needs.
     *
     * @param mechanism explicit_human, silent_timeout or auto_approve, by the expected impact
     * @param automationOpportunity whether it automates work people do (its silent timeout is shorter)
     * @param document the proposed SOP document
     */
    record SopVersionProposed(
            UUID proposalId,
            String sopId,
            int fromVersion,
            String toDocumentVersion,
            List<SopChange> changes,
            BigDecimal expectedMonthlyImpact,
            String mechanism,
            boolean automationOpportunity,
            Map<String, Object> document,
            List<UUID> evidence)
            implements ImprovementEvent {}

    /** One change of a proposal: {@code path} in the document, from {@code before} to {@code after}. */
    record SopChange(String path, Object before, Object after, String why) {}

    /** A loop wants to change an agent beyond the doctrine's bounds: a person decides (the approval's decision). */
    record AgentChangeProposed(
            String agentId,
            String setting,
            String before,
            String after,
            String reason,
            String loop,
            List<UUID> evidence,
            @Nullable String decisionType)
            implements ImprovementEvent {
        /** A change to the agent as a whole (no decision type: what proposals stored before types mean). */
        public AgentChangeProposed(
                String agentId,
                String setting,
                String before,
                String after,
                String reason,
                String loop,
                List<UUID> evidence) {
            this(agentId, setting, before, after, reason, loop, evidence, null);
        }
    }

    /** The weekly automation review was held, with its figures. */
    record AutomationReviewCompleted(String week, Map<String, Object> figures, List<UUID> evidence)
            implements ImprovementEvent {}

    /** Manual work recurring often enough and costing enough a month to be worth automating. */
    record AutomationOpportunityDetected(
            String taskKind,
            int occurrences,
            int windowDays,
            double hoursPerMonth,
            BigDecimal costPerMonth,
            List<UUID> evidence)
            implements ImprovementEvent {}

    /**
     * A month's automation return on investment: {@code roi} = (value − sop cost − override cost) ÷ (sop cost + override
     * cost), null when nothing cost anything; {@code meetsTarget} when above {@code target} (2.0: 200%). Its evidence is
     * the month's overrides (the decisions counted are too many to list).
     */
    record AutomationRoiCalculated(
            String month,
            long autonomousDecisions,
            long overrides,
            BigDecimal value,
            BigDecimal sopCost,
            BigDecimal overrideCost,
            @Nullable Double roi,
            double target,
            boolean meetsTarget,
            List<UUID> evidence)
            implements ImprovementEvent {}
}

package com.bigbox.autonomic.oversight;

import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.agents.AutonomyLevel;
import com.bigbox.autonomic.approvals.ActionClass;
import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.events.EventTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The governor's rules, in the original engine's order: low confidence goes to a person; then what
 * interrupts the CEO; then what already requires a person, money above the financial limit, a critical
 * risk; then (ours) protected actions, actions an SOP forbids, and supervised agents; everything else
 * executes. An SOP running in the flow can only tighten the agent's own settings.
 */
public final class OversightPolicy {
    static final BigDecimal SOP_SAVING_FOR_CEO = new BigDecimal("50000");
    static final double CHURN_FOR_CEO = 0.7;
    static final int RISK_FACTORS_FOR_CEO = 3;

    public Verdict evaluate(DecisionFacts d, AgentSettings settings, List<SopPolicy> sops) {
        Bounds bounds = Bounds.of(d, settings, sops);
        double threshold = bounds.threshold();
        ActionClass actionClass = ActionClasses.of(d.actionClass());
        int approvers = Math.max(bounds.approvers(), actionClass.requiredApprovals());

        if (d.confidence() < threshold) {
            boolean silence = actionClass.silenceApproves()
                    || settings.autonomy() == AutonomyLevel.AUTONOMOUS
                            && !actionClass.protectedAction()
                            && !d.financial();
            return human(
                    "low_confidence",
                    actionClass,
                    "medium",
                    silence,
                    approvers,
                    fmt("confidence %.2f is below %s's threshold %.2f", d.confidence(), d.agentId(), threshold));
        }
        String ceo = ceoReason(d, bounds.limit().multiply(BigDecimal.TEN));
        if (ceo != null) {
            return new Verdict.InterruptCeo("ceo_interrupt", approvers, List.of(ceo));
        }
        Verdict person = personDecides(d, settings, bounds, actionClass, approvers);
        return person != null ? person : execute(d, settings, threshold, bounds.limit());
    }

    // Confident enough, and no reason to interrupt the CEO: what still needs a person, in order; null when nothing.
    private static @Nullable Verdict personDecides(
            DecisionFacts d, AgentSettings settings, Bounds bounds, ActionClass actionClass, int approvers) {
        BigDecimal limit = bounds.limit();
        if (d.requiresHuman()) {
            return human("requires_human", actionClass, "high", false, approvers, "the decision asks for a person");
        }
        if (d.financial() && d.amount() != null && d.amount().compareTo(limit) > 0) {
            return human(
                    "financial_limit",
                    ActionClasses.of(ActionClasses.FINANCIAL),
                    "high",
                    false,
                    approvers,
                    "amount " + d.amount().toPlainString() + " exceeds the financial limit " + limit.toPlainString());
        }
        if (EventTypes.RISK_DETECTED.equals(d.type()) && "critical".equalsIgnoreCase(d.severity())) {
            return human("critical_risk", actionClass, "critical", false, approvers, "critical risk: " + d.riskType());
        }
        if (actionClass.protectedAction()) {
            return human(
                    "protected_action",
                    actionClass,
                    "high",
                    false,
                    approvers,
                    "action class " + actionClass.name() + " is protected: a person always decides");
        }
        if (!bounds.forbidden().isEmpty()) {
            return human(
                    "policy_violation",
                    actionClass,
                    "high",
                    false,
                    approvers,
                    "action " + d.action() + " is forbidden to automation by SOP "
                            + String.join(", ", bounds.forbidden()));
        }
        if (settings.autonomy() == AutonomyLevel.SUPERVISED) {
            return human(
                    "supervised",
                    actionClass,
                    "low",
                    actionClass.silenceApproves(),
                    approvers,
                    d.agentId() + " is supervised: a person sees every decision");
        }
        return null;
    }

    private static Verdict execute(DecisionFacts d, AgentSettings settings, double threshold, BigDecimal limit) {
        var reasons = new ArrayList<String>();
        reasons.add(fmt("confidence %.2f is at or above %s's threshold %.2f", d.confidence(), d.agentId(), threshold));
        if (d.amount() != null && d.financial()) {
            reasons.add(
                    "amount " + d.amount().toPlainString() + " is within the financial limit " + limit.toPlainString());
        }
        reasons.add(d.agentId() + " is " + settings.autonomy().wireName());
        return new Verdict.Execute(reasons);
    }

    /** The agent's own bounds, tightened by every SOP running in the flow (an SOP can only tighten them). */
    private record Bounds(double threshold, BigDecimal limit, int approvers, List<String> forbidden) {
        static Bounds of(DecisionFacts d, AgentSettings settings, List<SopPolicy> sops) {
            // The decision's own type may have its own threshold (calibrated on that type's record alone).
            double threshold = settings.thresholdFor(d.type());
            BigDecimal limit = settings.financialLimit();
            int approvers = 1;
            var forbidden = new ArrayList<String>();
            for (SopPolicy sop : sops) {
                if (sop.confidenceThreshold() != null && sop.confidenceThreshold() > threshold) {
                    threshold = sop.confidenceThreshold();
                }
                if (sop.financialLimit() != null && sop.financialLimit().compareTo(limit) < 0) {
                    limit = sop.financialLimit();
                }
                if (sop.requireDualApproval()) {
                    approvers = 2;
                }
                if (d.action() != null && sop.forbiddenActions().contains(d.action())) {
                    forbidden.add(sop.sopId());
                }
            }
            return new Bounds(threshold, limit, approvers, forbidden);
        }
    }

    // The original's CEO interrupts: ten times the financial limit, a critical relationship risk or a high
    // legal one, an SOP change saving over 50,000 a month, churn above 0.7, more than 3 risk factors.
    private static @Nullable String ceoReason(DecisionFacts d, BigDecimal ceoLimit) {
        if (d.amount() != null && d.financial() && d.amount().compareTo(ceoLimit) > 0) {
            return "amount " + d.amount().toPlainString() + " exceeds the CEO limit " + ceoLimit.toPlainString();
        }
        String risk = d.riskType() == null ? "" : d.riskType().toLowerCase(Locale.ROOT);
        String severity = d.severity() == null ? "" : d.severity().toLowerCase(Locale.ROOT);
        if (risk.equals("relationship") && severity.equals("critical")) {
            return "critical relationship risk";
        }
        if (risk.equals("legal") && (severity.equals("high") || severity.equals("critical"))) {
            return severity + " legal risk";
        }
        if (d.monthlySaving() != null && d.monthlySaving().compareTo(SOP_SAVING_FOR_CEO) > 0) {
            return "SOP change saving " + d.monthlySaving().toPlainString() + "/month exceeds "
                    + SOP_SAVING_FOR_CEO.toPlainString();
        }
        if (d.churnProbability() != null && d.churnProbability() > CHURN_FOR_CEO) {
            return fmt("churn probability %.2f exceeds %.2f", d.churnProbability(), CHURN_FOR_CEO);
        }
        if (d.riskFactors() > RISK_FACTORS_FOR_CEO) {
            return d.riskFactors() + " risk factors (more than " + RISK_FACTORS_FOR_CEO + ")";
        }
        return null;
    }

    private static Verdict human(
            String rule, ActionClass actionClass, String priority, boolean silence, int approvers, String reason) {
        return new Verdict.RequireHuman(
                rule, actionClass.name(), actionClass.firstRole(), priority, silence, approvers, List.of(reason));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

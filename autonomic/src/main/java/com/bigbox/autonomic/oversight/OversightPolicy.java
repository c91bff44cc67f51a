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
 * interrupts the CEO ({@link CeoCriteria}: only the doctrine's reasons interrupt; the others go to a person at critical
 * priority); then what already requires a person, money above the financial limit, a critical
 * risk; then (ours) protected actions, actions an SOP forbids, and supervised agents; everything else
 * executes. An SOP running in the flow can only tighten the agent's own settings.
 */
public final class OversightPolicy {
    private final CeoCriteria ceo;

    /** @param ceo which of the CEO triggers the doctrine lets interrupt the CEO */
    public OversightPolicy(CeoCriteria ceo) {
        this.ceo = ceo;
    }

    public Verdict evaluate(DecisionFacts d, AgentSettings settings, List<SopPolicy> sops) {
        Bounds bounds = Bounds.of(d, settings, sops);
        double threshold = bounds.threshold();
        ActionClass actionClass = ActionClasses.of(d.actionClass());
        int approvers = Math.max(bounds.approvers(), actionClass.requiredApprovals());

        if (d.confidence() < threshold) {
            // A decision that asks for a person (a relationship risk) gets one even from an autonomous agent: silence
            // would let it take effect with nobody having read it.
            boolean silence = !d.requiresHuman()
                    && (actionClass.silenceApproves()
                            || settings.autonomy() == AutonomyLevel.AUTONOMOUS
                                    && !actionClass.protectedAction()
                                    && !d.financial());
            return human(
                    "low_confidence",
                    actionClass,
                    "medium",
                    silence,
                    approvers,
                    fmt("confidence %.2f is below %s's threshold %.2f", d.confidence(), d.agentId(), threshold));
        }
        String ceoReason = CeoCriteria.reason(d, bounds.limit().multiply(BigDecimal.TEN));
        if (ceoReason != null && ceo.interrupts(ceoReason)) {
            return new Verdict.InterruptCeo("ceo_interrupt", approvers, List.of(ceoReason));
        }
        if (ceoReason != null) {
            // Grave, but not the doctrine's reason to interrupt the CEO: a person decides at critical priority, and
            // the request climbs to the CEO if nobody answers in time.
            return human(
                    "ceo_reason_queued",
                    actionClass.escalation().contains("ceo")
                            ? actionClass
                            : ActionClasses.of(ActionClasses.CRITICAL_MATTER),
                    "critical",
                    false,
                    approvers,
                    ceoReason + ": not among the doctrine's reasons to interrupt the CEO");
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

    private static Verdict human(
            String rule, ActionClass actionClass, String priority, boolean silence, int approvers, String reason) {
        return new Verdict.RequireHuman(
                rule, actionClass.name(), actionClass.firstRole(), priority, silence, approvers, List.of(reason));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

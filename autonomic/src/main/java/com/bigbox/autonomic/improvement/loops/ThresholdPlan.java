package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.agents.AutonomyLevel;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link ThresholdCalibration}'s pure analysis: what to change about one agent, given its settings and the answers
 * people gave to its escalations and its decisions that took effect on their own. No database, no clock: the loop
 * gathers the facts and applies what this returns.
 */
public final class ThresholdPlan {
    /** A decision type's threshold when none of its decisions may take effect alone: above any confidence. */
    static final double NEVER_ALONE = 1.0;

    private ThresholdPlan() {}

    /** What the analysis wants done to one agent. */
    public sealed interface Adjustment {
        String agentId();

        /** Whether the doctrine lets the loop do it alone; otherwise a person approves it first. */
        boolean withinBounds();

        String reason();

        List<UUID> evidence();

        String setting();

        String before();

        String after();
    }

    /** @param decisionType the decision type whose own threshold changes; null for the agent-wide threshold */
    public record ThresholdChange(
            String agentId,
            @Nullable String decisionType,
            double from,
            double to,
            boolean withinBounds,
            String reason,
            List<UUID> evidence)
            implements Adjustment {
        public String setting() {
            return "threshold";
        }

        public String before() {
            return fmt(from);
        }

        public String after() {
            return fmt(to);
        }
    }

    public record AutonomyChange(
            String agentId,
            AutonomyLevel from,
            AutonomyLevel to,
            boolean withinBounds,
            String reason,
            List<UUID> evidence)
            implements Adjustment {
        public String setting() {
            return "autonomy_level";
        }

        public String before() {
            return from.wireName();
        }

        public String after() {
            return to.wireName();
        }
    }

    /**
     * Since when each body of evidence counts: a setting moves once on one body of evidence. A decision type's
     * threshold counts from the latest change to it or to the agent as a whole; the agent's autonomy from its
     * latest change of any kind.
     *
     * @param any the latest change of any kind (autonomy)
     * @param agentWide the latest change not of one decision type (the agent-wide threshold)
     * @param perType per decision type, the latest change to it or to the agent as a whole
     */
    public record Since(Instant any, Instant agentWide, Map<String, Instant> perType) {
        /** All evidence counts (nothing changed yet). */
        public static final Since ALWAYS = new Since(Instant.MIN, Instant.MIN, Map.of());

        public Since {
            perType = Map.copyOf(perType);
        }

        Instant forType(String type) {
            return type == null ? agentWide : perType.getOrDefault(type, agentWide);
        }
    }

    /** {@link #plan(String, AgentSettings, List, List, Doctrine, Since)} with all the evidence fresh. */
    public static List<Adjustment> plan(
            String agent,
            AgentSettings settings,
            List<ApprovalOutcome> outcomes,
            List<ExecutedDecision> executed,
            Doctrine doctrine) {
        return plan(agent, settings, outcomes, executed, doctrine, Since.ALWAYS);
    }

    /**
     * The analysis. Autonomy is judged over all the agent's decisions; thresholds per decision type, because one
     * type often wrong at a steady confidence (a project flag) is hidden in the agent's ratio by a reliable type it
     * emits far more often (task assignments). A type with enough evidence of its own gets its own threshold; the
     * types with too little are judged together against the agent-wide threshold ({@link TypeThresholds}).
     */
    public static List<Adjustment> plan(
            String agent,
            AgentSettings settings,
            List<ApprovalOutcome> outcomes,
            List<ExecutedDecision> executed,
            Doctrine doctrine,
            Since since) {
        Doctrine.ThresholdBounds b = doctrine.loops().threshold();
        AutonomyLevel autonomy = settings.autonomy();
        List<ApprovalOutcome> judged = outcomes.stream()
                .filter(o -> o.agentId().equals(agent) && o.byPerson())
                .toList();
        List<ExecutedDecision> alone =
                executed.stream().filter(e -> e.agentId().equals(agent)).toList();

        // Autonomy, over all the agent's decisions since its last change.
        List<ApprovalOutcome> allJudged =
                judged.stream().filter(o -> o.resolvedAt().isAfter(since.any())).toList();
        List<ExecutedDecision> allAlone =
                alone.stream().filter(e -> e.at().isAfter(since.any())).toList();
        ThresholdTrust overall = ThresholdTrust.of(allJudged, allAlone, settings::thresholdFor);
        boolean overriddenTooOften = overall.overridden().size() >= b.minOverrides()
                && Wilson.lower(overall.overridden().size(), overall.trusted(), b.evidenceZ()) > b.overrideRatio();
        if (overriddenTooOften && autonomy == AutonomyLevel.AUTONOMOUS) {
            return List.of(new AutonomyChange(
                    agent, autonomy, AutonomyLevel.ASSISTED, true, overall.why(b), overall.overridden()));
        }
        List<Adjustment> changes = TypeThresholds.plan(agent, settings, judged, alone, since, b).stream()
                // A supervised agent's decisions all go to a person already.
                .filter(c -> autonomy != AutonomyLevel.SUPERVISED
                        || !(c instanceof ThresholdChange t && t.to() >= NEVER_ALONE - 1e-9))
                .toList();
        if (!changes.isEmpty()) {
            return changes;
        }
        // Nothing left to raise: an assisted agent still overridden too often is supervised.
        if (overriddenTooOften && autonomy == AutonomyLevel.ASSISTED) {
            return supervised(agent, settings, allJudged, allAlone, overall, b);
        }
        return promoted(agent, autonomy, allJudged, doctrine.loops().autonomy());
    }

    // Supervised only once no overridden decision's threshold can go a step higher.
    private static List<Adjustment> supervised(
            String agent,
            AgentSettings settings,
            List<ApprovalOutcome> allJudged,
            List<ExecutedDecision> allAlone,
            ThresholdTrust overall,
            Doctrine.ThresholdBounds b) {
        boolean atMax = allJudged.stream()
                        .filter(ApprovalOutcome::overridden)
                        .map(ApprovalOutcome::decisionType)
                        .allMatch(t -> round(settings.thresholdFor(t) + b.step()) > b.max() + 1e-9)
                && allAlone.stream()
                        .filter(ExecutedDecision::overridden)
                        .map(ExecutedDecision::decisionType)
                        .allMatch(t -> round(settings.thresholdFor(t) + b.step()) > b.max() + 1e-9);
        if (atMax) {
            return List.of(new AutonomyChange(
                    agent,
                    settings.autonomy(),
                    AutonomyLevel.SUPERVISED,
                    true,
                    overall.why(b) + "; the threshold is at its maximum " + fmt(b.max()),
                    overall.overridden()));
        }
        return List.of();
    }

    // A long, clean record promotes the agent a level; the doctrine may want a person to approve that level.
    private static List<Adjustment> promoted(
            String agent, AutonomyLevel autonomy, List<ApprovalOutcome> allJudged, Doctrine.AutonomyCriteria a) {
        long agreed = allJudged.stream().filter(ApprovalOutcome::agreed).count();
        if (autonomy != AutonomyLevel.AUTONOMOUS
                && allJudged.size() >= a.promoteMinSamples()
                && ratio(agreed, allJudged.size()) >= a.promoteAgreementRatio()) {
            AutonomyLevel next =
                    autonomy == AutonomyLevel.SUPERVISED ? AutonomyLevel.ASSISTED : AutonomyLevel.AUTONOMOUS;
            boolean within = !a.approvalRequiredFor().contains(next.wireName());
            String why = String.format(
                    Locale.ROOT,
                    "people agreed with %d of %d decisions (%.0f%% >= %.0f%%)",
                    agreed,
                    allJudged.size(),
                    100 * ratio(agreed, allJudged.size()),
                    100 * a.promoteAgreementRatio());
            return List.of(new AutonomyChange(
                    agent,
                    autonomy,
                    next,
                    within,
                    within ? why : why + "; the doctrine wants a person to approve " + next.wireName(),
                    ids(allJudged)));
        }
        return List.of();
    }

    /** The first value of the step grid strictly above {@code confidence}. */
    static double above(double confidence, double step) {
        return round((Math.floor(confidence / step + 1e-6) + 1) * step);
    }

    static List<UUID> ids(List<ApprovalOutcome> outcomes) {
        return new ArrayList<>(
                outcomes.stream().map(ApprovalOutcome::decisionEventId).toList());
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

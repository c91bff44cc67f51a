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
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
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
     * types with too little are judged together against the agent-wide threshold.
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
        List<Adjustment> changes = thresholds(agent, settings, judged, alone, since, b).stream()
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

    // Thresholds, per decision type; what has too little evidence of its own is pooled at the agent's threshold.
    private static List<Adjustment> thresholds(
            String agent,
            AgentSettings settings,
            List<ApprovalOutcome> judged,
            List<ExecutedDecision> alone,
            Since since,
            Doctrine.ThresholdBounds b) {
        var types = new TreeSet<String>();
        judged.stream()
                .map(ApprovalOutcome::decisionType)
                .filter(Objects::nonNull)
                .forEach(types::add);
        alone.stream()
                .map(ExecutedDecision::decisionType)
                .filter(Objects::nonNull)
                .forEach(types::add);
        var changes = new ArrayList<Adjustment>();
        var pooledJudged = new ArrayList<ApprovalOutcome>();
        var pooledAlone = new ArrayList<ExecutedDecision>();
        for (String type : types) {
            Instant from = since.forType(type);
            List<ApprovalOutcome> o = judged.stream()
                    .filter(x -> type.equals(x.decisionType()) && x.resolvedAt().isAfter(from))
                    .toList();
            List<ExecutedDecision> e = alone.stream()
                    .filter(x -> type.equals(x.decisionType()) && x.at().isAfter(from))
                    .toList();
            ThresholdEvidence evidence = ThresholdEvidence.of(
                    o,
                    e,
                    judged.stream().filter(x -> type.equals(x.decisionType())).toList(),
                    alone.stream().filter(x -> type.equals(x.decisionType())).toList(),
                    settings.thresholdFor(type),
                    b);
            Optional<ThresholdChange> change = threshold(agent, type, settings.thresholdFor(type), evidence, b);
            if (change.isPresent()) {
                changes.add(change.get());
            } else if (!settings.hasOwnThreshold(type) && !evidence.enough(b)) {
                o.stream()
                        .filter(x -> x.resolvedAt().isAfter(since.agentWide()))
                        .forEach(pooledJudged::add);
                e.stream().filter(x -> x.at().isAfter(since.agentWide())).forEach(pooledAlone::add);
            }
        }
        judged.stream()
                .filter(x -> x.decisionType() == null && x.resolvedAt().isAfter(since.agentWide()))
                .forEach(pooledJudged::add);
        alone.stream()
                .filter(x -> x.decisionType() == null && x.at().isAfter(since.agentWide()))
                .forEach(pooledAlone::add);
        threshold(
                        agent,
                        null,
                        settings.threshold(),
                        ThresholdEvidence.of(pooledJudged, pooledAlone, settings.threshold(), b),
                        b)
                .ifPresent(changes::add);
        return changes;
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

    /**
     * Raise the threshold when its trusted decisions are overridden too often; lower it a step when its band is agreed.
     * "Too often" is decided on a confidence interval, not on a fixed count: the override rate's lower Wilson bound
     * (at the doctrine's {@code evidence_z}) above the doctrine's ratio. Three overrides in five say as much as ten in
     * forty, so a type wrong at a steady confidence (a project flag) is caught within days, not after twenty samples
     * per step; and the threshold goes straight past the confidence of the overridden decisions (on the step grid),
     * since an agent that gives one type one confidence moves all of it or nothing.
     */
    private static Optional<ThresholdChange> threshold(
            String agent, @Nullable String type, double threshold, ThresholdEvidence ev, Doctrine.ThresholdBounds b) {
        String of = type == null ? "" : " of type " + type;
        ThresholdTrust trust = ev.trust();
        if (trust.overridden().size() >= b.minOverrides()
                && Wilson.lower(trust.overridden().size(), trust.trusted(), b.evidenceZ()) > b.overrideRatio()) {
            double raised = Math.max(round(threshold + b.step()), above(trust.highestOverridden(), b.step()));
            if (raised <= b.max() + 1e-9) {
                return Optional.of(new ThresholdChange(
                        agent, type, threshold, raised, true, trust.why(b, of), trust.overridden()));
            }
            // Past the maximum, a decision type of its own goes to a person every time (threshold 1, above any
            // confidence the agents give): its mistakes come at the agent's highest confidence, so no threshold in
            // the range separates them, and the other types must not pay for it. Beyond the doctrine's bounds, so a
            // person approves it first. The agent as a whole stays; its autonomy answers for it.
            if (type == null || threshold >= NEVER_ALONE - 1e-9) {
                return Optional.empty();
            }
            return Optional.of(new ThresholdChange(
                    agent,
                    type,
                    threshold,
                    NEVER_ALONE,
                    false,
                    trust.why(b, of) + "; above the doctrine's maximum " + fmt(b.max())
                            + ": every decision of the type to a person",
                    trust.overridden()));
        }
        List<ApprovalOutcome> bandAgreed =
                ev.band().stream().filter(ApprovalOutcome::agreed).toList();
        if (ev.band().size() >= b.minSamples()
                && ratio(bandAgreed.size(), ev.band().size()) >= b.agreementRatio()) {
            String why = String.format(
                    Locale.ROOT,
                    "people agreed with %d of %d decisions%s in [%s, %s) (%.0f%% >= %.0f%%)",
                    bandAgreed.size(),
                    ev.band().size(),
                    of,
                    fmt(ev.bandFloor()),
                    fmt(threshold),
                    100 * ratio(bandAgreed.size(), ev.band().size()),
                    100 * b.agreementRatio());
            boolean within = ev.bandFloor() >= b.min() - 1e-9;
            return Optional.of(new ThresholdChange(
                    agent,
                    type,
                    threshold,
                    ev.bandFloor(),
                    within,
                    within
                            ? why
                            : why + "; " + fmt(ev.bandFloor()) + " is below the doctrine's minimum " + fmt(b.min()),
                    ids(ev.band())));
        }
        return Optional.empty();
    }

    /** The first value of the step grid strictly above {@code confidence}. */
    static double above(double confidence, double step) {
        return round((Math.floor(confidence / step + 1e-6) + 1) * step);
    }

    private static List<UUID> ids(List<ApprovalOutcome> outcomes) {
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

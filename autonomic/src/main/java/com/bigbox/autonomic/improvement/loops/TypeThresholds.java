package com.bigbox.autonomic.improvement.loops;

import static com.bigbox.autonomic.improvement.loops.ThresholdPlan.NEVER_ALONE;
import static com.bigbox.autonomic.improvement.loops.ThresholdPlan.above;
import static com.bigbox.autonomic.improvement.loops.ThresholdPlan.fmt;
import static com.bigbox.autonomic.improvement.loops.ThresholdPlan.ids;
import static com.bigbox.autonomic.improvement.loops.ThresholdPlan.ratio;
import static com.bigbox.autonomic.improvement.loops.ThresholdPlan.round;

import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.Adjustment;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.Since;
import com.bigbox.autonomic.improvement.loops.ThresholdPlan.ThresholdChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * {@link ThresholdPlan}'s thresholds, one decision type at a time: a type with enough evidence of its own is raised
 * or lowered on it; the types with too little are pooled and judged together against the agent-wide threshold. Apart
 * from the plan because it is the plan's largest rule; pure like it.
 */
final class TypeThresholds {
    private TypeThresholds() {}

    // Thresholds, per decision type; what has too little evidence of its own is pooled at the agent's threshold.
    static List<Adjustment> plan(
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
}

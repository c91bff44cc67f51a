package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.ImprovementEvent.SopChange;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.StepRecord;
import com.bigbox.autonomic.sop.SopVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link SopEvolution}'s pure analysis: given one SOP's active version and what people did with its steps' decisions,
 * the next version to propose, what it is worth a month and how it is approved. No database, no clock: the loop
 * gathers the facts and proposes what this returns.
 */
public final class SopEvolutionPlan {
    public static final String EXPLICIT = "explicit_human";
    public static final String SILENT = "silent_timeout";
    public static final String AUTO = "auto_approve";

    /** A planned proposal: the changed document, what changed, what it is worth, and how it is approved. */
    public record Plan(
            String sopId,
            int fromVersion,
            JsonNode document,
            List<SopChange> changes,
            BigDecimal monthlyImpact,
            String mechanism,
            List<UUID> evidence) {}

    /** The steps made automatic: what changed about them, their evidence, and the people's time they save a month. */
    private record Automated(List<SopChange> changes, List<UUID> evidence, double monthlySaving) {}

    private SopEvolutionPlan() {}

    /** How a proposal worth {@code monthlyImpact} is approved (the doctrine's tiers). */
    public static String mechanism(BigDecimal monthlyImpact, Doctrine.EvolutionBounds b) {
        double impact = monthlyImpact.doubleValue();
        return impact > b.explicitHumanAbove() ? EXPLICIT : impact > b.silentTimeoutAbove() ? SILENT : AUTO;
    }

    /** "1.2.0" → "1.3.0": an evolved SOP is a minor version. */
    public static String minorBump(String version) {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        try {
            int major = parts.length > 0 ? Integer.parseInt(parts[0]) : 1;
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major + "." + (minor + 1) + ".0";
        } catch (NumberFormatException e) {
            return (version == null ? "1" : version) + ".1";
        }
    }

    /** The analysis for one SOP's active version: empty when none of its steps qualify, or nothing is left to give. */
    public static Optional<Plan> plan(SopVersion active, List<StepRecord> records, Doctrine doctrine) {
        Doctrine.EvolutionBounds b = doctrine.loops().sopEvolution();
        List<StepRecord> candidates = candidates(active, records, b);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = (ObjectNode) EventCodec.tree(active.definition()).deepCopy();
        Automated automated = automate(doc, candidates, b);
        var changes = new ArrayList<>(automated.changes());
        lowerThreshold(doc, doctrine.loops().threshold()).ifPresent(changes::add);
        if (changes.isEmpty()) {
            // Its steps are automatic and its threshold at the doctrine's minimum: nothing left to give.
            return Optional.empty();
        }
        changes.add(bumpVersion(doc));
        List<UUID> evidence = automated.evidence();
        BigDecimal impact = BigDecimal.valueOf(automated.monthlySaving()).setScale(2, RoundingMode.HALF_UP);
        return Optional.of(new Plan(
                active.sopId(),
                active.version(),
                doc,
                changes,
                impact,
                mechanism(impact, b),
                evidence.size() > 100 ? evidence.subList(0, 100) : evidence));
    }

    // The active version's steps people approve almost always, by step id.
    private static List<StepRecord> candidates(
            SopVersion active, List<StepRecord> records, Doctrine.EvolutionBounds b) {
        return records.stream()
                .filter(r -> r.sopId().equals(active.sopId()) && r.sopVersion() == active.version())
                // A full step whose decisions still reach people is held back by a threshold: it counts too.
                .filter(r -> !"manual".equals(r.automationLevel())
                        && r.byPerson() >= b.minSamples()
                        && (double) r.agreed() / r.byPerson() >= b.minAgreement())
                .sorted(Comparator.comparing(StepRecord::stepId))
                .toList();
    }

    // Sets the candidate steps of the document to full automation, in the document's order.
    private static Automated automate(ObjectNode doc, List<StepRecord> candidates, Doctrine.EvolutionBounds b) {
        double hourlyRate = doc.path("metrics").path("hourly_rate").asDouble(100);
        var changes = new ArrayList<SopChange>();
        var evidence = new ArrayList<UUID>();
        double monthly = 0;
        double weeks = b.windowDays() / 7.0;
        Set<String> ids =
                new HashSet<>(candidates.stream().map(StepRecord::stepId).toList());
        for (JsonNode step : doc.withArray("steps")) {
            String id = step.path("step_id").asText();
            if (!ids.contains(id)) {
                continue;
            }
            StepRecord r = candidates.stream()
                    .filter(c -> c.stepId().equals(id))
                    .findFirst()
                    .orElseThrow();
            String level = step.path("automation_level").asText();
            if (!"full".equals(level)) {
                ((ObjectNode) step).put("automation_level", "full");
                changes.add(new SopChange(
                        "steps[" + id + "].automation_level",
                        level,
                        "full",
                        String.format(
                                Locale.ROOT,
                                "people approved %d of %d of its decisions unchanged",
                                r.agreed(),
                                r.byPerson())));
            }
            // People's time on it a month, at the SOP's hourly rate: what automating it saves.
            monthly += r.byPerson() / weeks * 4 * r.humanMinutes() / 60.0 * hourlyRate;
            evidence.addAll(r.evidence());
        }
        return new Automated(changes, evidence, monthly);
    }

    // The SOP's own confidence threshold a step lower, not below the doctrine's minimum.
    private static Optional<SopChange> lowerThreshold(ObjectNode doc, Doctrine.ThresholdBounds t) {
        JsonNode policy = doc.path("automation_policy");
        if (!policy.has("confidence_threshold")
                || policy.get("confidence_threshold").isNull()) {
            return Optional.empty();
        }
        double before = policy.get("confidence_threshold").asDouble();
        double after = Math.max(t.min(), Math.round((before - t.step()) * 100) / 100.0);
        if (after < before) {
            ((ObjectNode) policy).put("confidence_threshold", after);
            return Optional.of(new SopChange(
                    "automation_policy.confidence_threshold",
                    before,
                    after,
                    "the SOP no longer holds its agent above the threshold people agree with"));
        }
        return Optional.empty();
    }

    private static SopChange bumpVersion(ObjectNode doc) {
        ObjectNode metadata = (ObjectNode) doc.get("metadata");
        String fromVersion = metadata.path("version").asText(null);
        String toVersion = minorBump(fromVersion);
        metadata.put("version", toVersion);
        return new SopChange("metadata.version", fromVersion, toVersion, "an evolved SOP is a minor version");
    }
}

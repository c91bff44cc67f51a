package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.events.ImprovementEvent.SopChange;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.StepRecord;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SOP evolution (daily): where people approve a step's decisions almost always (≥ 95% over at least 10
 * in the window), propose the SOP's next version with that step automatic and the SOP's own confidence
 * threshold a step lower (not below the doctrine's minimum), with its evidence and its expected saving a
 * month (the people's minutes on the step, a month's worth, at the SOP's hourly rate). The impact decides
 * the approval: above 10,000 a month a person approves explicitly; above 1,000 nobody objecting in 48 h
 * (an automation opportunity) activates it; below, it is activated at once. Activation writes the next
 * version into {@code sop_definitions} (minor version bump); {@link SopProposals#revert} undoes it as a
 * new version.
 */
public final class SopEvolution implements ControlLoop {
    public static final String NAME = "sop_evolution";
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

    private final Doctrine doctrine;
    private final ImprovementFacts facts;
    private final SopStore sops;
    private final SopProposals proposals;
    private final LoopActions actions;

    public SopEvolution(
            Doctrine doctrine, ImprovementFacts facts, SopStore sops, SopProposals proposals, LoopActions actions) {
        this.doctrine = doctrine;
        this.facts = facts;
        this.sops = sops;
        this.proposals = proposals;
        this.actions = actions;
    }

    @Override
    public String name() {
        return NAME;
    }

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

    /** The pure analysis for one SOP's active version. */
    public static Optional<Plan> plan(SopVersion active, List<StepRecord> records, Doctrine doctrine) {
        Doctrine.EvolutionBounds b = doctrine.loops().sopEvolution();
        Doctrine.ThresholdBounds t = doctrine.loops().threshold();
        List<StepRecord> candidates = records.stream()
                .filter(r -> r.sopId().equals(active.sopId()) && r.sopVersion() == active.version())
                // A full step whose decisions still reach people is held back by a threshold: it counts too.
                .filter(r -> !"manual".equals(r.automationLevel())
                        && r.byPerson() >= b.minSamples()
                        && (double) r.agreed() / r.byPerson() >= b.minAgreement())
                .sorted(Comparator.comparing(StepRecord::stepId))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = (ObjectNode) EventCodec.tree(active.definition()).deepCopy();
        double hourlyRate = doc.path("metrics").path("hourly_rate").asDouble(100);
        var changes = new ArrayList<SopChange>();
        var evidence = new ArrayList<UUID>();
        double monthly = 0;
        double weeks = b.windowDays() / 7.0;
        Set<String> ids = new java.util.HashSet<>(
                candidates.stream().map(StepRecord::stepId).toList());
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
        JsonNode policy = doc.path("automation_policy");
        if (policy.has("confidence_threshold")
                && !policy.get("confidence_threshold").isNull()) {
            double before = policy.get("confidence_threshold").asDouble();
            double after = Math.max(t.min(), Math.round((before - t.step()) * 100) / 100.0);
            if (after < before) {
                ((ObjectNode) policy).put("confidence_threshold", after);
                changes.add(new SopChange(
                        "automation_policy.confidence_threshold",
                        before,
                        after,
                        "the SOP no longer holds its agent above the threshold people agree with"));
            }
        }
        if (changes.isEmpty()) {
            return Optional
                    .empty(); // its steps are automatic and its threshold at the doctrine's minimum: nothing left to
            // give
        }
        ObjectNode metadata = (ObjectNode) doc.get("metadata");
        String fromVersion = metadata.path("version").asText(null);
        String toVersion = minorBump(fromVersion);
        metadata.put("version", toVersion);
        changes.add(new SopChange("metadata.version", fromVersion, toVersion, "an evolved SOP is a minor version"));
        BigDecimal impact = BigDecimal.valueOf(monthly).setScale(2, RoundingMode.HALF_UP);
        return Optional.of(new Plan(
                active.sopId(),
                active.version(),
                doc,
                changes,
                impact,
                mechanism(impact, b),
                evidence.size() > 100 ? evidence.subList(0, 100) : evidence));
    }

    @Override
    public LoopRun run(UnitOfWork work, Instant now) {
        LoopActions pass = actions.pass();
        Doctrine.EvolutionBounds b = doctrine.loops().sopEvolution();
        Instant since = now.minus(Duration.ofDays(b.windowDays()));
        List<StepRecord> records = facts.stepRecords(work, since);
        Set<String> pending = Set.copyOf(facts.sopsWithPendingProposals(work));
        for (SopVersion active : sops.activeVersions(work)) {
            if (pending.contains(active.sopId())) {
                continue; // one open proposal per SOP: the next waits for its answer
            }
            Optional<Plan> plan = plan(active, records, doctrine);
            if (plan.isEmpty()) {
                continue;
            }
            Plan p = plan.get();
            UUID proposalId = LoopActions.idOf(NAME, p.sopId(), Integer.toString(p.fromVersion()));
            @SuppressWarnings("unchecked")
            Map<String, Object> document = EventCodec.convert(p.document(), Map.class);
            var proposed = new ImprovementEvent.SopVersionProposed(
                    proposalId,
                    p.sopId(),
                    p.fromVersion(),
                    p.document().path("metadata").path("version").asText(),
                    p.changes(),
                    p.monthlyImpact(),
                    p.mechanism(),
                    true,
                    document,
                    p.evidence());
            RecordedEvent stored = pass.record(
                    work,
                    StreamId.of("SOP", p.sopId()),
                    EventTypes.SOP_VERSION_PROPOSED,
                    proposed,
                    proposalId,
                    NAME,
                    Map.of(
                            "before",
                            Map.of("version", p.fromVersion()),
                            "after",
                            Map.of("changes", p.changes().size())),
                    now);
            if (stored == null) {
                continue;
            }
            String summary = "SOP " + p.sopId() + " v" + p.fromVersion() + " → next version: "
                    + p.changes().size() + " changes, " + p.monthlyImpact() + " a month";
            switch (p.mechanism()) {
                case AUTO -> proposals.activate(work, stored, proposed, "loop:" + NAME);
                case SILENT ->
                    pass.escalate(
                            work,
                            stored,
                            ActionClasses.SOP_AUTOMATION,
                            "manager",
                            "low",
                            true,
                            summary,
                            List.of("automates work people approve almost always; activated unless someone objects in "
                                    + b.automationOpportunityTimeoutHours() + " h"),
                            Map.of(
                                    "sop_id",
                                    p.sopId(),
                                    "expected_monthly_impact",
                                    p.monthlyImpact(),
                                    "mechanism",
                                    SILENT));
                default ->
                    pass.escalate(
                            work,
                            stored,
                            ActionClasses.SOP_CHANGE,
                            "manager",
                            "high",
                            false,
                            summary,
                            List.of("expected impact " + p.monthlyImpact() + " a month is above "
                                    + b.explicitHumanAbove()),
                            Map.of(
                                    "sop_id",
                                    p.sopId(),
                                    "expected_monthly_impact",
                                    p.monthlyImpact(),
                                    "mechanism",
                                    EXPLICIT));
            }
        }
        return pass.report(NAME);
    }
}

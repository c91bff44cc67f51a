package com.bigbox.autonomic.improvement.loops;

import static com.bigbox.autonomic.improvement.loops.SopEvolutionPlan.AUTO;
import static com.bigbox.autonomic.improvement.loops.SopEvolutionPlan.EXPLICIT;
import static com.bigbox.autonomic.improvement.loops.SopEvolutionPlan.SILENT;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.StepRecord;
import com.bigbox.autonomic.improvement.loops.SopEvolutionPlan.Plan;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
            SopEvolutionPlan.plan(active, records, doctrine).ifPresent(p -> propose(work, pass, p, b, now));
        }
        return pass.report(NAME);
    }

    // Records the proposal on the SOP's stream, then has it approved as its impact says.
    private void propose(UnitOfWork work, LoopActions pass, Plan p, Doctrine.EvolutionBounds b, Instant now) {
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
        if (stored != null) {
            approve(work, pass, stored, proposed, b);
        }
    }

    // Small: activated at once; larger: activated unless someone objects in time; largest: a person approves it.
    private void approve(
            UnitOfWork work,
            LoopActions pass,
            RecordedEvent stored,
            ImprovementEvent.SopVersionProposed p,
            Doctrine.EvolutionBounds b) {
        String summary = "SOP " + p.sopId() + " v" + p.fromVersion() + " → next version: "
                + p.changes().size() + " changes, " + p.expectedMonthlyImpact() + " a month";
        switch (p.mechanism()) {
            case AUTO -> proposals.activate(work, stored, p, "loop:" + NAME);
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
                                p.expectedMonthlyImpact(),
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
                        List.of("expected impact " + p.expectedMonthlyImpact() + " a month is above "
                                + b.explicitHumanAbove()),
                        Map.of(
                                "sop_id",
                                p.sopId(),
                                "expected_monthly_impact",
                                p.expectedMonthlyImpact(),
                                "mechanism",
                                EXPLICIT));
        }
    }
}

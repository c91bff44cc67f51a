package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.agents.AutonomyLevel;
import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.events.AgentEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Threshold calibration (daily): per agent, what people did with its decisions since its settings last
 * changed. People agreeing almost always with the escalations just below its threshold (the band one step
 * wide) → lower the threshold a step; people overriding too many of the decisions at or above it (those
 * that took effect alone and were corrected later, or that a person saw anyway) → raise it, or demote an
 * autonomous agent, or at the top of the range demote it to supervised; a long, clean record → promote
 * its autonomy. Counting only since the last
 * change means one body of evidence moves a setting once.
 */
public final class ThresholdCalibration implements ControlLoop {
    public static final String NAME = "threshold";

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

    public record ThresholdChange(String agentId, double from, double to, boolean withinBounds, String reason,
            List<UUID> evidence) implements Adjustment {
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

    public record AutonomyChange(String agentId, AutonomyLevel from, AutonomyLevel to, boolean withinBounds, String reason,
            List<UUID> evidence) implements Adjustment {
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

    private final Doctrine doctrine;
    private final ImprovementFacts facts;
    private final AgentCatalog agents;
    private final LoopActions actions;

    public ThresholdCalibration(Doctrine doctrine, ImprovementFacts facts, AgentCatalog agents, LoopActions actions) {
        this.doctrine = doctrine;
        this.facts = facts;
        this.agents = agents;
        this.actions = actions;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The pure analysis: what to change about one agent, given its settings and, since they last changed, the
     * answers people gave to its escalations and its decisions that took effect on their own.
     */
    public static Optional<Adjustment> plan(String agent, AgentSettings settings, List<ApprovalOutcome> outcomes,
            List<ExecutedDecision> executed, Doctrine doctrine) {
        Doctrine.ThresholdBounds b = doctrine.loops().threshold();
        Doctrine.AutonomyCriteria a = doctrine.loops().autonomy();
        List<ApprovalOutcome> judged = outcomes.stream().filter(o -> o.agentId().equals(agent) && o.byPerson()).toList();
        double threshold = settings.threshold();
        AutonomyLevel autonomy = settings.autonomy();
        // Trusted decisions: those at or above the threshold, whether they took effect alone or a person saw them
        // (supervised, protected). Overriding those is what says the threshold is too low.
        List<ExecutedDecision> alone = executed.stream().filter(e -> e.agentId().equals(agent)).toList();
        List<ApprovalOutcome> trustedJudged = judged.stream().filter(o -> o.confidence() >= threshold - 1e-9).toList();
        int trusted = alone.size() + trustedJudged.size();
        var overriddenIds = new ArrayList<UUID>();
        alone.stream().filter(ExecutedDecision::overridden).forEach(e -> overriddenIds.add(e.decisionEventId()));
        trustedJudged.stream().filter(ApprovalOutcome::overridden).forEach(o -> overriddenIds.add(o.decisionEventId()));
        if (trusted >= b.minSamples() && ratio(overriddenIds.size(), trusted) > b.overrideRatio()) {
            String why = String.format(Locale.ROOT, "people overrode %d of %d decisions at or above the threshold (%.0f%% > %.0f%%)",
                    overriddenIds.size(), trusted, 100 * ratio(overriddenIds.size(), trusted), 100 * b.overrideRatio());
            List<UUID> evidence = overriddenIds;
            if (autonomy == AutonomyLevel.AUTONOMOUS) {
                return Optional.of(new AutonomyChange(agent, autonomy, AutonomyLevel.ASSISTED, true, why, evidence));
            }
            double raised = round(threshold + b.step());
            if (raised <= b.max() + 1e-9) {
                return Optional.of(new ThresholdChange(agent, threshold, raised, true, why, evidence));
            }
            if (autonomy == AutonomyLevel.ASSISTED) {
                return Optional.of(new AutonomyChange(agent, autonomy, AutonomyLevel.SUPERVISED, true,
                        why + "; the threshold is at its maximum " + fmt(b.max()), evidence));
            }
            return Optional.empty();
        }
        double bandFloor = round(threshold - b.step());
        List<ApprovalOutcome> band = judged.stream()
                .filter(o -> o.confidence() >= bandFloor - 1e-9 && o.confidence() < threshold - 1e-9).toList();
        List<ApprovalOutcome> bandAgreed = band.stream().filter(ApprovalOutcome::agreed).toList();
        if (band.size() >= b.minSamples() && ratio(bandAgreed.size(), band.size()) >= b.agreementRatio()) {
            String why = String.format(Locale.ROOT, "people agreed with %d of %d decisions in [%s, %s) (%.0f%% >= %.0f%%)",
                    bandAgreed.size(), band.size(), fmt(bandFloor), fmt(threshold), 100 * ratio(bandAgreed.size(), band.size()),
                    100 * b.agreementRatio());
            boolean within = bandFloor >= b.min() - 1e-9;
            return Optional.of(new ThresholdChange(agent, threshold, bandFloor, within,
                    within ? why : why + "; " + fmt(bandFloor) + " is below the doctrine's minimum " + fmt(b.min()), ids(band)));
        }
        long agreed = judged.stream().filter(ApprovalOutcome::agreed).count();
        if (autonomy != AutonomyLevel.AUTONOMOUS && judged.size() >= a.promoteMinSamples()
                && ratio(agreed, judged.size()) >= a.promoteAgreementRatio()) {
            AutonomyLevel next = autonomy == AutonomyLevel.SUPERVISED ? AutonomyLevel.ASSISTED : AutonomyLevel.AUTONOMOUS;
            boolean within = !a.approvalRequiredFor().contains(next.wireName());
            String why = String.format(Locale.ROOT, "people agreed with %d of %d decisions (%.0f%% >= %.0f%%)", agreed,
                    judged.size(), 100 * ratio(agreed, judged.size()), 100 * a.promoteAgreementRatio());
            return Optional.of(new AutonomyChange(agent, autonomy, next, within,
                    within ? why : why + "; the doctrine wants a person to approve " + next.wireName(), ids(judged)));
        }
        return Optional.empty();
    }

    @Override
    public LoopRun run(UnitOfWork work, Instant now) {
        LoopActions pass = actions.pass();
        Instant windowStart = now.minus(Duration.ofDays(doctrine.loops().threshold().windowDays()));
        List<String> names = agents.all().stream().map(AgentDefinition::name).toList();
        List<ApprovalOutcome> outcomes = facts.approvalOutcomes(work, names, windowStart);
        List<ExecutedDecision> executed = facts.executedDecisions(work, names, windowStart);
        for (String agent : names) {
            List<RecordedEvent> changes = work.readStream(AgentCatalog.stream(agent), 1);
            Instant since = changes.isEmpty() ? windowStart : later(windowStart, changes.getLast().timestamp());
            List<ApprovalOutcome> fresh = outcomes.stream().filter(o -> o.resolvedAt().isAfter(since)).toList();
            List<ExecutedDecision> freshExecuted = executed.stream().filter(e -> e.at().isAfter(since)).toList();
            AgentSettings settings = agents.settings(work, agent);
            plan(agent, settings, fresh, freshExecuted, doctrine).ifPresent(adjustment -> execute(work, pass, adjustment, now,
                    changes.isEmpty() ? 0 : changes.getLast().sequenceNumber()));
        }
        return pass.report(NAME);
    }

    private void execute(UnitOfWork work, LoopActions pass, Adjustment adj, Instant now, long settingsVersion) {
        // The id names the agent's settings version: the same evidence never applies twice.
        UUID id = LoopActions.idOf(NAME, adj.agentId(), adj.setting(), adj.after(), Long.toString(settingsVersion));
        if (!adj.withinBounds()) {
            var proposal = new ImprovementEvent.AgentChangeProposed(adj.agentId(), adj.setting(), adj.before(), adj.after(),
                    adj.reason(), NAME, cap(adj.evidence()));
            RecordedEvent proposed = pass.record(work, AgentCatalog.stream(adj.agentId()), EventTypes.AGENT_CHANGE_PROPOSED,
                    proposal, id, NAME, change(adj), now);
            if (proposed != null) {
                pass.escalate(work, proposed, ActionClasses.AGENT_CHANGE, "manager", "medium",
                        false, adj.setting() + " " + adj.before() + " -> " + adj.after(), List.of(adj.reason()), change(adj));
            }
            return;
        }
        AgentEvent event = switch (adj) {
            case ThresholdChange t -> new AgentEvent.ThresholdChanged(t.agentId(), t.to(), t.reason(), LoopActions.emitter(NAME));
            case AutonomyChange c -> new AgentEvent.AutonomyChanged(c.agentId(), c.to().wireName(), c.reason(),
                    LoopActions.emitter(NAME));
        };
        var metadata = new LinkedHashMap<String, Object>(change(adj));
        metadata.put("loop", NAME);
        metadata.put("evidence", cap(adj.evidence()));
        pass.append(work, AgentCatalog.stream(adj.agentId()), new NewEvent(id, EventCodec.typeOf(event), EventCodec.payload(event),
                EventCodec.write(metadata), null, null, LoopActions.emitter(NAME), null, now));
    }

    static Map<String, Object> change(Adjustment adj) {
        var m = new LinkedHashMap<String, Object>();
        m.put("agent_id", adj.agentId());
        m.put("setting", adj.setting());
        m.put("before", adj.before());
        m.put("after", adj.after());
        m.put("reason", adj.reason());
        return m;
    }

    static List<UUID> cap(List<UUID> evidence) {
        return evidence.size() <= 100 ? evidence : evidence.subList(0, 100);
    }

    private static List<UUID> ids(List<ApprovalOutcome> outcomes) {
        return new ArrayList<>(outcomes.stream().map(ApprovalOutcome::decisionEventId).toList());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

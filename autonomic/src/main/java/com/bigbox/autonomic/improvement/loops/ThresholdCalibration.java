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
 * Threshold calibration (daily): per agent and decision type, what people did with its decisions since the
 * setting last changed. People agreeing almost always with the escalations just below its threshold (the band one step
 * wide) → lower the threshold a step; people overriding too many of the decisions at or above it (those
 * that took effect alone and were corrected later, or that a person saw anyway) → raise it, or demote an
 * autonomous agent, or at the top of the range demote it to supervised; a long, clean record → promote
 * its autonomy. Thresholds are calibrated per decision type (a type with too little evidence of its own
 * is judged with the others at the agent's threshold); autonomy over all the agent's decisions. Counting only
 * since the last
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

    /** @param decisionType the decision type whose own threshold changes; null for the agent-wide threshold */
    public record ThresholdChange(String agentId, String decisionType, double from, double to, boolean withinBounds,
            String reason, List<UUID> evidence) implements Adjustment {
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
    public static List<Adjustment> plan(String agent, AgentSettings settings, List<ApprovalOutcome> outcomes,
            List<ExecutedDecision> executed, Doctrine doctrine) {
        return plan(agent, settings, outcomes, executed, doctrine, Since.ALWAYS);
    }

    /**
     * The pure analysis: what to change about one agent, given its settings and the answers people gave to its
     * escalations and its decisions that took effect on their own. Autonomy is judged over all the agent's
     * decisions; thresholds per decision type, because one type often wrong at a steady confidence (a project
     * flag) is hidden in the agent's ratio by a reliable type it emits far more often (task assignments). A
     * type with enough evidence of its own gets its own threshold; the types with too little are judged
     * together against the agent-wide threshold.
     */
    public static List<Adjustment> plan(String agent, AgentSettings settings, List<ApprovalOutcome> outcomes,
            List<ExecutedDecision> executed, Doctrine doctrine, Since since) {
        Doctrine.ThresholdBounds b = doctrine.loops().threshold();
        Doctrine.AutonomyCriteria a = doctrine.loops().autonomy();
        AutonomyLevel autonomy = settings.autonomy();
        List<ApprovalOutcome> judged = outcomes.stream().filter(o -> o.agentId().equals(agent) && o.byPerson()).toList();
        List<ExecutedDecision> alone = executed.stream().filter(e -> e.agentId().equals(agent)).toList();

        // Autonomy, over all the agent's decisions since its last change.
        List<ApprovalOutcome> allJudged = judged.stream().filter(o -> o.resolvedAt().isAfter(since.any())).toList();
        List<ExecutedDecision> allAlone = alone.stream().filter(e -> e.at().isAfter(since.any())).toList();
        Trust overall = Trust.of(allJudged, allAlone, settings::thresholdFor);
        boolean overriddenTooOften = overall.overridden().size() >= b.minOverrides()
                && Wilson.lower(overall.overridden().size(), overall.trusted(), b.evidenceZ()) > b.overrideRatio();
        if (overriddenTooOften && autonomy == AutonomyLevel.AUTONOMOUS) {
            return List.of(new AutonomyChange(agent, autonomy, AutonomyLevel.ASSISTED, true, overall.why(b), overall.overridden()));
        }

        // Thresholds, per decision type; what has too little evidence of its own is pooled at the agent's threshold.
        var types = new java.util.TreeSet<String>();
        judged.stream().map(ApprovalOutcome::decisionType).filter(java.util.Objects::nonNull).forEach(types::add);
        alone.stream().map(ExecutedDecision::decisionType).filter(java.util.Objects::nonNull).forEach(types::add);
        var changes = new ArrayList<Adjustment>();
        var pooledJudged = new ArrayList<ApprovalOutcome>();
        var pooledAlone = new ArrayList<ExecutedDecision>();
        for (String type : types) {
            Instant from = since.forType(type);
            List<ApprovalOutcome> o = judged.stream().filter(x -> type.equals(x.decisionType()) && x.resolvedAt().isAfter(from)).toList();
            List<ExecutedDecision> e = alone.stream().filter(x -> type.equals(x.decisionType()) && x.at().isAfter(from)).toList();
            Evidence evidence = Evidence.of(o, e, settings.thresholdFor(type), b);
            Optional<ThresholdChange> change = threshold(agent, type, settings.thresholdFor(type), evidence, b);
            if (change.isPresent()) {
                changes.add(change.get());
            } else if (!settings.hasOwnThreshold(type) && !evidence.enough(b)) {
                o.stream().filter(x -> x.resolvedAt().isAfter(since.agentWide())).forEach(pooledJudged::add);
                e.stream().filter(x -> x.at().isAfter(since.agentWide())).forEach(pooledAlone::add);
            }
        }
        judged.stream().filter(x -> x.decisionType() == null && x.resolvedAt().isAfter(since.agentWide())).forEach(pooledJudged::add);
        alone.stream().filter(x -> x.decisionType() == null && x.at().isAfter(since.agentWide())).forEach(pooledAlone::add);
        threshold(agent, null, settings.threshold(), Evidence.of(pooledJudged, pooledAlone, settings.threshold(), b), b)
                .ifPresent(changes::add);
        if (!changes.isEmpty()) {
            return changes;
        }

        // Nothing left to raise: an assisted agent still overridden too often is supervised.
        if (overriddenTooOften && autonomy == AutonomyLevel.ASSISTED) {
            boolean atMax = allJudged.stream().filter(ApprovalOutcome::overridden).map(ApprovalOutcome::decisionType)
                    .allMatch(t -> round(settings.thresholdFor(t) + b.step()) > b.max() + 1e-9)
                    && allAlone.stream().filter(ExecutedDecision::overridden).map(ExecutedDecision::decisionType)
                    .allMatch(t -> round(settings.thresholdFor(t) + b.step()) > b.max() + 1e-9);
            if (atMax) {
                return List.of(new AutonomyChange(agent, autonomy, AutonomyLevel.SUPERVISED, true,
                        overall.why(b) + "; the threshold is at its maximum " + fmt(b.max()), overall.overridden()));
            }
            return List.of();
        }
        long agreed = allJudged.stream().filter(ApprovalOutcome::agreed).count();
        if (autonomy != AutonomyLevel.AUTONOMOUS && allJudged.size() >= a.promoteMinSamples()
                && ratio(agreed, allJudged.size()) >= a.promoteAgreementRatio()) {
            AutonomyLevel next = autonomy == AutonomyLevel.SUPERVISED ? AutonomyLevel.ASSISTED : AutonomyLevel.AUTONOMOUS;
            boolean within = !a.approvalRequiredFor().contains(next.wireName());
            String why = String.format(Locale.ROOT, "people agreed with %d of %d decisions (%.0f%% >= %.0f%%)", agreed,
                    allJudged.size(), 100 * ratio(agreed, allJudged.size()), 100 * a.promoteAgreementRatio());
            return List.of(new AutonomyChange(agent, autonomy, next, within,
                    within ? why : why + "; the doctrine wants a person to approve " + next.wireName(), ids(allJudged)));
        }
        return List.of();
    }

    /**
     * The decisions trusted at their threshold (at or above it, whether they took effect alone or a person saw
     * them: supervised, protected), and those of them people overrode. Overriding those says the threshold is
     * too low.
     */
    private record Trust(int trusted, List<UUID> overridden, double highestOverridden) {
        static Trust of(List<ApprovalOutcome> judged, List<ExecutedDecision> alone,
                java.util.function.ToDoubleFunction<String> thresholdOf) {
            List<ApprovalOutcome> trustedJudged = judged.stream()
                    .filter(o -> o.confidence() >= thresholdOf.applyAsDouble(o.decisionType()) - 1e-9).toList();
            var overridden = new ArrayList<UUID>();
            double highest = 0;
            for (ExecutedDecision e : alone) {
                if (e.overridden()) {
                    overridden.add(e.decisionEventId());
                    highest = Math.max(highest, e.confidence());
                }
            }
            for (ApprovalOutcome o : trustedJudged) {
                if (o.overridden()) {
                    overridden.add(o.decisionEventId());
                    highest = Math.max(highest, o.confidence());
                }
            }
            return new Trust(alone.size() + trustedJudged.size(), overridden, highest);
        }

        double ratio() {
            return ThresholdCalibration.ratio(overridden.size(), trusted);
        }

        String why(Doctrine.ThresholdBounds b) {
            return why(b, "");
        }

        /** @param of which decisions, e.g. " of type PROJECT_AT_RISK" */
        String why(Doctrine.ThresholdBounds b, String of) {
            return String.format(Locale.ROOT, "people overrode %d of %d decisions%s at or above the threshold (%.0f%%; at least %.1f%% "
                    + "> %.0f%% at z %.2f)", overridden.size(), trusted, of, 100 * ratio(),
                    100 * Wilson.lower(overridden.size(), trusted, b.evidenceZ()), 100 * b.overrideRatio(), b.evidenceZ());
        }
    }

    /** One body of threshold evidence: the trusted decisions, and the judged ones in the band a step below. */
    private record Evidence(Trust trust, double threshold, double bandFloor, List<ApprovalOutcome> band) {
        static Evidence of(List<ApprovalOutcome> judged, List<ExecutedDecision> alone, double threshold,
                Doctrine.ThresholdBounds b) {
            double floor = round(threshold - b.step());
            List<ApprovalOutcome> band = judged.stream()
                    .filter(o -> o.confidence() >= floor - 1e-9 && o.confidence() < threshold - 1e-9).toList();
            return new Evidence(Trust.of(judged, alone, t -> threshold), threshold, floor, band);
        }

        boolean enough(Doctrine.ThresholdBounds b) {
            return trust.trusted() >= b.minSamples() || band.size() >= b.minSamples();
        }
    }

    /**
     * Raise the threshold when its trusted decisions are overridden too often; lower it a step when its band is agreed.
     * "Too often" is decided on a confidence interval, not on a fixed count: the override rate's lower Wilson bound
     * (at the doctrine's {@code evidence_z}) above the doctrine's ratio. Three overrides in five say as much as ten in
     * forty, so a type wrong at a steady confidence (a project flag) is caught within days, not after twenty samples
     * per step; and the threshold goes straight past the confidence of the overridden decisions (on the step grid),
     * since an agent that gives one type one confidence moves all of it or nothing.
     */
    private static Optional<ThresholdChange> threshold(String agent, String type, double threshold, Evidence ev,
            Doctrine.ThresholdBounds b) {
        String of = type == null ? "" : " of type " + type;
        Trust trust = ev.trust();
        if (trust.overridden().size() >= b.minOverrides()
                && Wilson.lower(trust.overridden().size(), trust.trusted(), b.evidenceZ()) > b.overrideRatio()) {
            double raised = Math.max(round(threshold + b.step()), above(trust.highestOverridden(), b.step()));
            // At the maximum the type stays; the agent's autonomy answers for it (judged over all its decisions).
            return raised <= b.max() + 1e-9
                    ? Optional.of(new ThresholdChange(agent, type, threshold, raised, true, trust.why(b, of), trust.overridden()))
                    : Optional.empty();
        }
        List<ApprovalOutcome> bandAgreed = ev.band().stream().filter(ApprovalOutcome::agreed).toList();
        if (ev.band().size() >= b.minSamples() && ratio(bandAgreed.size(), ev.band().size()) >= b.agreementRatio()) {
            String why = String.format(Locale.ROOT, "people agreed with %d of %d decisions%s in [%s, %s) (%.0f%% >= %.0f%%)",
                    bandAgreed.size(), ev.band().size(), of, fmt(ev.bandFloor()), fmt(threshold),
                    100 * ratio(bandAgreed.size(), ev.band().size()), 100 * b.agreementRatio());
            boolean within = ev.bandFloor() >= b.min() - 1e-9;
            return Optional.of(new ThresholdChange(agent, type, threshold, ev.bandFloor(), within,
                    within ? why : why + "; " + fmt(ev.bandFloor()) + " is below the doctrine's minimum " + fmt(b.min()),
                    ids(ev.band())));
        }
        return Optional.empty();
    }

    /** The first value of the step grid strictly above {@code confidence}. */
    static double above(double confidence, double step) {
        return round((Math.floor(confidence / step + 1e-6) + 1) * step);
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
            // The latest change of each scope: the agent as a whole (null) or one decision type.
            RecordedEvent last = changes.isEmpty() ? null : changes.getLast();
            RecordedEvent lastAgentWide = null;
            var lastPerType = new java.util.HashMap<String, RecordedEvent>();
            for (RecordedEvent change : changes) {
                String type = decisionTypeOf(change);
                if (type == null) {
                    lastAgentWide = change;
                    lastPerType.clear();
                } else {
                    lastPerType.put(type, change);
                }
            }
            var perType = new java.util.HashMap<String, Instant>();
            lastPerType.forEach((type, change) -> perType.put(type, later(windowStart, change.timestamp())));
            Since since = new Since(last == null ? windowStart : later(windowStart, last.timestamp()),
                    lastAgentWide == null ? windowStart : later(windowStart, lastAgentWide.timestamp()), perType);
            long agentWideVersion = lastAgentWide == null ? 0 : lastAgentWide.sequenceNumber();
            long anyVersion = last == null ? 0 : last.sequenceNumber();
            AgentSettings settings = agents.settings(work, agent);
            for (Adjustment adjustment : plan(agent, settings, outcomes, executed, doctrine, since)) {
                // The version of the settings the evidence was judged against, for the adjustment's scope.
                long version = switch (adjustment) {
                    case ThresholdChange t when t.decisionType() != null -> lastPerType.containsKey(t.decisionType())
                            ? lastPerType.get(t.decisionType()).sequenceNumber() : agentWideVersion;
                    case ThresholdChange t -> agentWideVersion;
                    case AutonomyChange c -> anyVersion;
                };
                execute(work, pass, adjustment, now, version);
            }
        }
        return pass.report(NAME);
    }

    /** The decision type a change on an agent's stream is scoped to; null for the agent as a whole. */
    private static String decisionTypeOf(RecordedEvent change) {
        var type = EventCodec.tree(change.payload()).path("decision_type");
        return type.isTextual() ? type.asText() : null;
    }

    private void execute(UnitOfWork work, LoopActions pass, Adjustment adj, Instant now, long settingsVersion) {
        // The id names the agent's settings version (of the scope changed): the same evidence never applies twice.
        String type = adj instanceof ThresholdChange t ? t.decisionType() : null;
        UUID id = type == null
                ? LoopActions.idOf(NAME, adj.agentId(), adj.setting(), adj.after(), Long.toString(settingsVersion))
                : LoopActions.idOf(NAME, adj.agentId(), adj.setting(), type, adj.after(), Long.toString(settingsVersion));
        if (!adj.withinBounds()) {
            var proposal = new ImprovementEvent.AgentChangeProposed(adj.agentId(), adj.setting(), adj.before(), adj.after(),
                    adj.reason(), NAME, cap(adj.evidence()), type);
            RecordedEvent proposed = pass.record(work, AgentCatalog.stream(adj.agentId()), EventTypes.AGENT_CHANGE_PROPOSED,
                    proposal, id, NAME, change(adj), now);
            if (proposed != null) {
                pass.escalate(work, proposed, ActionClasses.AGENT_CHANGE, "manager", "medium",
                        false, describe(adj), List.of(adj.reason()), change(adj));
            }
            return;
        }
        AgentEvent event = switch (adj) {
            case ThresholdChange t -> new AgentEvent.ThresholdChanged(t.agentId(), t.to(), t.reason(), LoopActions.emitter(NAME),
                    t.decisionType());
            case AutonomyChange c -> new AgentEvent.AutonomyChanged(c.agentId(), c.to().wireName(), c.reason(),
                    LoopActions.emitter(NAME));
        };
        var metadata = new LinkedHashMap<String, Object>(change(adj));
        metadata.put("loop", NAME);
        metadata.put("evidence", cap(adj.evidence()));
        pass.append(work, AgentCatalog.stream(adj.agentId()), new NewEvent(id, EventCodec.typeOf(event), EventCodec.payload(event),
                EventCodec.write(metadata), null, null, LoopActions.emitter(NAME), null, now));
    }

    private static String describe(Adjustment adj) {
        String of = adj instanceof ThresholdChange t && t.decisionType() != null ? " of " + t.decisionType() : "";
        return adj.setting() + of + " " + adj.before() + " -> " + adj.after();
    }

    static Map<String, Object> change(Adjustment adj) {
        var m = new LinkedHashMap<String, Object>();
        m.put("agent_id", adj.agentId());
        m.put("setting", adj.setting());
        // Not "decision_type": an approval's context uses that name for the proposal's own event type.
        if (adj instanceof ThresholdChange t && t.decisionType() != null) {
            m.put("for_decision_type", t.decisionType());
        }
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

package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ApprovalOutcome;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ConfidenceSample;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.MeetingAttendance;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.RaisedSignal;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.SopRun;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Drift (hourly): process drift (an SOP's cycle time, second half of its recent runs against the first,
 * beyond ±20% with at least 10 runs; a person looks beyond 30%), human fatigue (more than 10 overrides
 * by one person in 7 days; a person looks beyond 20), client attention decay (meeting attendance below
 * 0.6; a person looks below 0.4), confidence calibration (20 decisions or more, over 80% of them above
 * 0.9 or below 0.7). An alert is not raised again while an equal one (same type, same subject) is open,
 * nor within the doctrine's quiet period (7 days) after the last equal one was acknowledged.
 */
public final class DriftMonitor implements ControlLoop {
    public static final String NAME = "drift";

    /** A drift signal with what it is about and its stored type. */
    public record Alert(String type, String subject, ImprovementEvent event, boolean requiresHuman) {}

    /**
     * Everything the analysis looks at in one pass.
     *
     * @param raised earlier signals by {@link RaisedSignal#key()}
     */
    public record Observations(
            Instant now,
            List<SopRun> runs,
            List<ApprovalOutcome> overrides,
            List<MeetingAttendance> meetings,
            List<ConfidenceSample> confidences,
            Map<String, RaisedSignal> raised) {}

    private final Doctrine doctrine;
    private final ImprovementFacts facts;
    private final AgentCatalog agents;
    private final LoopActions actions;

    public DriftMonitor(Doctrine doctrine, ImprovementFacts facts, AgentCatalog agents, LoopActions actions) {
        this.doctrine = doctrine;
        this.facts = facts;
        this.agents = agents;
        this.actions = actions;
    }

    @Override
    public String name() {
        return NAME;
    }

    public static String key(String type, String subject) {
        return type + "|" + subject;
    }

    /** The pure analysis. */
    public static List<Alert> plan(Observations o, Doctrine.DriftBounds b) {
        var alerts = new ArrayList<Alert>();
        processDrift(o, b, alerts);
        fatigue(o, b, alerts);
        attentionDecay(o, b, alerts);
        confidenceBunching(o, b, alerts);
        // Not again while an equal alert is open, nor within the doctrine's quiet period after the last one.
        Instant quietSince = o.now().minus(Duration.ofDays(b.realertAfterDays()));
        return alerts.stream()
                .filter(a -> {
                    RaisedSignal earlier = o.raised().get(key(a.type(), a.subject()));
                    return earlier == null
                            || !earlier.open() && earlier.lastRaisedAt().isBefore(quietSince);
                })
                .toList();
    }

    // An SOP whose recent runs take much longer (or shorter) than its earlier ones.
    private static void processDrift(Observations o, Doctrine.DriftBounds b, List<Alert> alerts) {
        Map<String, List<SopRun>> bySop =
                o.runs().stream().collect(Collectors.groupingBy(SopRun::sopId, TreeMap::new, Collectors.toList()));
        for (var sop : bySop.entrySet()) {
            List<SopRun> runs = sop.getValue().stream()
                    .sorted(Comparator.comparing(SopRun::completedAt))
                    .toList();
            if (runs.size() < b.process().minSamples()) {
                continue;
            }
            int half = runs.size() / 2;
            double before = runs.subList(0, half).stream()
                    .mapToDouble(SopRun::cycleTimeHours)
                    .average()
                    .orElse(0);
            double after = runs.subList(runs.size() - half, runs.size()).stream()
                    .mapToDouble(SopRun::cycleTimeHours)
                    .average()
                    .orElse(0);
            if (before <= 0) {
                continue;
            }
            double change = (after - before) / before;
            if (Math.abs(change) > b.process().band()) {
                boolean human = Math.abs(change) > b.process().humanAbove();
                alerts.add(new Alert(
                        EventTypes.PROCESS_DRIFT_DETECTED,
                        sop.getKey(),
                        new ImprovementEvent.ProcessDriftDetected(
                                sop.getKey(),
                                round(before),
                                round(after),
                                round(change),
                                runs.size(),
                                human,
                                runs.stream().map(SopRun::executionId).toList()),
                        human));
            }
        }
    }

    // A person overriding more decisions a week than anyone can weigh.
    private static void fatigue(Observations o, Doctrine.DriftBounds b, List<Alert> alerts) {
        Map<String, List<ApprovalOutcome>> byPerson = o.overrides().stream()
                .filter(ApprovalOutcome::overridden)
                .collect(Collectors.groupingBy(ApprovalOutcome::resolvedBy, TreeMap::new, Collectors.toList()));
        for (var person : byPerson.entrySet()) {
            int n = person.getValue().size();
            if (n > b.fatigue().overridesPerWeek()) {
                boolean human = n > b.fatigue().humanAbove();
                alerts.add(new Alert(
                        EventTypes.HUMAN_FATIGUE_SIGNAL,
                        person.getKey(),
                        new ImprovementEvent.HumanFatigueSignal(
                                person.getKey(),
                                n,
                                7,
                                human,
                                person.getValue().stream()
                                        .map(ApprovalOutcome::approvalId)
                                        .toList()),
                        human));
            }
        }
    }

    // A client who stops coming to the meetings.
    private static void attentionDecay(Observations o, Doctrine.DriftBounds b, List<Alert> alerts) {
        Map<String, List<MeetingAttendance>> byClient = o.meetings().stream()
                .filter(m -> m.clientId() != null)
                .collect(Collectors.groupingBy(MeetingAttendance::clientId, TreeMap::new, Collectors.toList()));
        for (var client : byClient.entrySet()) {
            List<MeetingAttendance> meetings = client.getValue();
            if (meetings.size() < b.attention().minMeetings()) {
                continue;
            }
            double attendance = (double) meetings.stream()
                            .filter(MeetingAttendance::attended)
                            .count()
                    / meetings.size();
            if (attendance < b.attention().attendanceBelow()) {
                boolean human = attendance < b.attention().humanBelow();
                alerts.add(new Alert(
                        EventTypes.CLIENT_ATTENTION_DECAY,
                        client.getKey(),
                        new ImprovementEvent.ClientAttentionDecay(
                                client.getKey(),
                                round(attendance),
                                meetings.size(),
                                human,
                                meetings.stream()
                                        .map(MeetingAttendance::eventId)
                                        .toList()),
                        human));
            }
        }
    }

    // An agent whose confidences bunch at one end: they no longer tell its decisions apart.
    private static void confidenceBunching(Observations o, Doctrine.DriftBounds b, List<Alert> alerts) {
        Map<String, List<ConfidenceSample>> byAgent = o.confidences().stream()
                .collect(Collectors.groupingBy(ConfidenceSample::agentId, TreeMap::new, Collectors.toList()));
        Doctrine.ConfidenceBunching c = b.confidence();
        for (var agent : byAgent.entrySet()) {
            List<ConfidenceSample> samples = agent.getValue();
            if (samples.size() < c.minSamples()) {
                continue;
            }
            double above = (double) samples.stream()
                            .filter(s -> s.confidence() > c.high())
                            .count()
                    / samples.size();
            double below = (double) samples.stream()
                            .filter(s -> s.confidence() < c.low())
                            .count()
                    / samples.size();
            String direction =
                    above > c.bunchedShare() ? "overconfident" : below > c.bunchedShare() ? "underconfident" : null;
            if (direction != null) {
                alerts.add(new Alert(
                        EventTypes.CONFIDENCE_CALIBRATION_REQUIRED,
                        agent.getKey(),
                        new ImprovementEvent.ConfidenceCalibrationRequired(
                                agent.getKey(),
                                samples.size(),
                                round(above),
                                round(below),
                                direction,
                                samples.stream()
                                        .map(ConfidenceSample::eventId)
                                        .limit(100)
                                        .toList()),
                        false));
            }
        }
    }

    @Override
    public LoopRun run(UnitOfWork work, Instant now) {
        LoopActions pass = actions.pass();
        Doctrine.DriftBounds b = doctrine.loops().drift();
        List<String> names = agents.all().stream().map(AgentDefinition::name).toList();
        var observations = new Observations(
                now,
                facts.completedRuns(work, now.minus(Duration.ofDays(b.process().windowDays()))),
                facts.approvalOutcomes(work, names, now.minus(Duration.ofDays(7))),
                facts.meetings(work, now.minus(Duration.ofDays(b.attention().windowDays()))),
                facts.confidences(
                        work, names, now.minus(Duration.ofDays(b.confidence().windowDays()))),
                facts.raisedSignals(work).stream().collect(Collectors.toMap(RaisedSignal::key, s -> s)));
        String hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
        for (Alert alert : plan(observations, b)) {
            RecordedEvent stored = pass.record(
                    work,
                    stream(alert),
                    alert.type(),
                    alert.event(),
                    LoopActions.idOf(NAME, alert.type(), alert.subject(), hour),
                    NAME,
                    Map.of("subject", alert.subject()),
                    now);
            if (stored != null && alert.requiresHuman()) {
                pass.escalate(
                        work,
                        stored,
                        ActionClasses.IMPROVEMENT_REVIEW,
                        "manager",
                        "high",
                        false,
                        "look into " + alert.type().toLowerCase(Locale.ROOT) + " of " + alert.subject(),
                        List.of(alert.type() + " beyond the doctrine's human threshold"),
                        Map.of("subject", alert.subject()));
            }
        }
        return pass.report(NAME);
    }

    private static StreamId stream(Alert alert) {
        return switch (alert.type()) {
            case EventTypes.PROCESS_DRIFT_DETECTED -> StreamId.of("SOP", alert.subject());
            case EventTypes.CLIENT_ATTENTION_DECAY -> StreamId.of("CLIENT", alert.subject());
            case EventTypes.CONFIDENCE_CALIBRATION_REQUIRED -> StreamId.of("AGENT", alert.subject());
            default -> StreamId.of("SYSTEM", "fatigue:" + alert.subject());
        };
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

package com.bigbox.app.simulation;

import com.bigbox.app.engine.Engine;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.DecisionEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.Release;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.flow.Gate;
import com.bigbox.core.EventStore;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves business time in steps and lets the world act between them. One step: advance the clock; let the
 * engine settle (every subscription caught up, every due job run, until nothing more happens); read what
 * the engine wrote and plan the world's answers; run the world's actions that are due, and settle again.
 */
final class Driver {
    /** A step while the agency is open; outside office hours only time passes (approvals expire, jobs run). */
    static final Duration OPEN_STEP = Duration.ofMinutes(30);

    static final Duration CLOSED_STEP = Duration.ofHours(3);

    private final Engine engine;
    private final EventStore store;
    private final SimulationClock clock;
    private final Quiescence quiescence;
    private final Gate gate;
    private final WorldTimeline timeline;
    private final ClientBehaviour clients;
    private final People people;
    private final DecisionTruth truth;
    private final Map<UUID, RecordedEvent> decisions = new HashMap<>();
    private final Map<UUID, UUID> decisionOfApproval = new HashMap<>();
    private Position cursor = Position.START;

    Driver(
            Engine engine,
            SimulationClock clock,
            WorldTimeline timeline,
            ClientBehaviour clients,
            People people,
            DecisionTruth truth) {
        this.truth = truth;
        this.engine = engine;
        this.store = engine.node().store();
        this.clock = clock;
        this.timeline = timeline;
        this.clients = clients;
        this.people = people;
        this.gate = engine.autonomic().agents().gate();
        this.quiescence = new Quiescence(
                engine.node().subscriptions(), engine.autonomic()::subscriptionNames, Duration.ofSeconds(120));
    }

    void run(Instant start, int days, Simulation.Progress progress) {
        Instant end = start.plus(Duration.ofDays(days));
        LocalDate firstDay = start.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate planned = null;
        for (Instant t = start; t.isBefore(end); t = next(t)) {
            clock.advanceTo(t);
            settle();
            LocalDate today = t.atZone(ZoneOffset.UTC).toLocalDate();
            if (!today.equals(planned)) {
                planned = today;
                progress.day((int) Math.min(days, today.toEpochDay() - firstDay.toEpochDay() + 1), days);
                if (BusinessCalendar.businessDay(today)) {
                    people.planDay(today);
                }
            }
            act(t);
        }
        clock.advanceTo(end);
        settle();
        scan();
    }

    private static Instant next(Instant t) {
        if (BusinessCalendar.open(t)) {
            return t.plus(OPEN_STEP);
        }
        Instant open = BusinessCalendar.nextOpen(t);
        Instant later = t.plus(CLOSED_STEP);
        return open.isBefore(later) ? open : later;
    }

    // The world answers what the engine did, then does what is due; each action's effects settle before the next round.
    private void act(Instant now) {
        while (true) {
            scan();
            List<WorldTimeline.Item> due = timeline.due(now);
            if (due.isEmpty()) {
                return;
            }
            due.forEach(item -> item.action().run());
            settle();
        }
    }

    private void settle() {
        int ran;
        do {
            quiescence.await();
            ran = engine.jobs().runDue();
        } while (ran > 0);
    }

    private void scan() {
        while (true) {
            List<RecordedEvent> batch = store.readAll(cursor, 1000);
            if (batch.isEmpty()) {
                return;
            }
            for (RecordedEvent event : batch) {
                observe(event);
                cursor = event.position();
            }
        }
    }

    private void observe(RecordedEvent event) {
        Instant now = clock.instant();
        if (gate.isDecision(event)) {
            decisions.put(event.eventId(), event);
            return;
        }
        switch (event.type()) {
            case EventTypes.AUTONOMIC_DECISION_EXECUTED,
                    EventTypes.HUMAN_APPROVAL_GRANTED,
                    EventTypes.HUMAN_OVERRIDE,
                    EventTypes.APPROVED_BY_SILENCE -> {
                Release release = Flows.release(event);
                RecordedEvent decision = decisions.get(release.decisionEventId());
                if (decision == null) {
                    return;
                }
                String effective = release.modifications().isEmpty()
                        ? decision.payload()
                        : EventCodec.merge(decision.payload(), release.modifications());
                clients.released(decision, EventCodec.tree(effective), now);
                // A person's own entry (a task written by hand) is theirs: colleagues do not go back over it.
                if (release instanceof DecisionEvent.Executed && agentMade(decision)) {
                    people.executed(decision, clients.lead(decision.correlationId()), now);
                }
            }
            case EventTypes.HUMAN_APPROVAL_REQUESTED, EventTypes.CEO_INTERRUPT_REQUIRED -> {
                var requested = EventCodec.decode(event, ApprovalEvent.Requested.class);
                decisionOfApproval.put(requested.approvalId(), requested.decisionEventId());
                ask(requested.approvalId(), requested.assignedRole(), now);
            }
            case EventTypes.HUMAN_APPROVAL_ESCALATED -> {
                var escalated = EventCodec.decode(event, ApprovalEvent.Escalated.class);
                ask(escalated.approvalId(), escalated.toRole(), now);
            }
            default -> {}
        }
    }

    /** Whether an agent made {@code decision}: a person's hand-written task of an agent's type is not one. */
    private boolean agentMade(RecordedEvent decision) {
        return engine.autonomic().agents().isAgent(decision.emittedBy());
    }

    private void ask(UUID approvalId, String role, Instant now) {
        UUID decisionId = decisionOfApproval.get(approvalId);
        RecordedEvent decision = decisionId == null ? null : decisions.get(decisionId);
        if (decision == null && decisionId != null) {
            decision = store.find(decisionId).orElse(null);
        }
        if (decision != null) {
            // A control loop's proposal is no agent's decision: the truth has nothing to say of it, people judge it as
            // it reads.
            var lead = clients.lead(decision.correlationId());
            people.asked(
                    approvalId,
                    role,
                    gate.isDecision(decision) && agentMade(decision)
                            ? truth.judge(lead, decision)
                            : DecisionTruth.Ruling.UNJUDGED,
                    now);
        }
    }
}

package com.bigbox.autonomic.oversight;

import com.bigbox.autonomic.ConflictException;
import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.events.DecisionEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A person corrects a decision that took effect with nobody asked ({@code AUTONOMIC_DECISION_OVERRIDDEN} on the
 * decision's stream). Nothing downstream runs again — the person fixes the world by hand — but it is the
 * evidence threshold calibration reads when it judges how far the agent can be trusted on its own. A decision
 * a person already judged through its approval, or one overridden before, is a conflict.
 */
public final class DecisionOverrides {
    private final Clock clock;

    public DecisionOverrides(Clock clock) {
        this.clock = clock;
    }

    public RecordedEvent override(UnitOfWork work, UUID decisionEventId, String overriddenBy, String reason) {
        if (overriddenBy == null || overriddenBy.isBlank()) {
            throw new InvalidInputException("overridden_by", "overridden_by is required: who found the decision wrong");
        }
        RecordedEvent decision = work.find(decisionEventId)
                .orElseThrow(() -> new NotFoundException("no decision with event id " + decisionEventId));
        List<RecordedEvent> verdicts = work.readStream(decision.stream(), decision.sequenceNumber() + 1).stream()
                .filter(e -> decisionEventId.equals(e.causationId()))
                .toList();
        RecordedEvent executed = verdicts.stream()
                .filter(e -> EventTypes.AUTONOMIC_DECISION_EXECUTED.equals(e.type()))
                .findFirst()
                .orElseThrow(() -> new ConflictException("decision " + decisionEventId + " (" + decision.type()
                        + ") did not take effect on its own: a person decides it through its approval"));
        if (verdicts.stream().anyMatch(e -> EventTypes.AUTONOMIC_DECISION_OVERRIDDEN.equals(e.type()))) {
            throw new ConflictException("decision " + decisionEventId + " was already overridden");
        }
        var facts = EventCodec.read(executed.payload(), DecisionEvent.Executed.class);
        var overridden = new DecisionEvent.Overridden(
                Flows.clientIdIn(decision.payload()),
                decisionEventId,
                decision.type(),
                facts.agentId(),
                facts.confidence(),
                overriddenBy.strip(),
                reason == null || reason.isBlank() ? null : reason.strip());
        // One override per decision: two people correcting it at once store it once, and the second is told.
        UUID id = UUID.nameUUIDFromBytes(("override/" + decisionEventId).getBytes(StandardCharsets.UTF_8));
        var result = work.append(
                decision.stream(),
                ExpectedVersion.any(),
                new NewEvent(
                        id,
                        EventCodec.typeOf(overridden),
                        EventCodec.payload(overridden),
                        "{}",
                        decision.correlationId(),
                        decisionEventId,
                        overriddenBy.strip(),
                        null,
                        clock.instant()));
        if (result.duplicate()) {
            throw new ConflictException("decision " + decisionEventId + " was already overridden");
        }
        return result.events().getFirst();
    }
}

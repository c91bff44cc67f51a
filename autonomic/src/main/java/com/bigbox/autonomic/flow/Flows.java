package com.bigbox.autonomic.flow;

import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.DecisionEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.Release;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a delivered event to what takes effect, for agents, the SOP engine and the HTTP edge alike:
 * a fact takes effect as it is; a gated decision takes effect only when released, and then as its
 * release says. A fact appended to an existing aggregate without its own correlation (e.g. notes of a
 * meeting posted by a person) continues that aggregate's flow and client.
 */
public final class Flows {
    private static final Logger log = LoggerFactory.getLogger(Flows.class);

    private final Gate gate;

    public Flows(Gate gate) {
        this.gate = gate;
    }

    public Gate gate() {
        return gate;
    }

    /** What {@code delivered} makes take effect; empty for a decision still waiting, or an unknown release. */
    public Optional<Effective> resolve(RecordedEvent delivered, UnitOfWork work) {
        if (Gate.isRelease(delivered)) {
            return released(delivered, work);
        }
        if (gate.isDecision(delivered)) {
            return Optional.empty();
        }
        return Optional.of(new Effective(
                delivered,
                delivered.payload(),
                delivered,
                Optional.empty(),
                correlation(delivered, work),
                clientId(delivered, work)));
    }

    private Optional<Effective> released(RecordedEvent delivered, UnitOfWork work) {
        Release release = release(delivered);
        if (release.decisionEventId() == null) {
            // Written by something that decided the approval row without naming its decision: nothing to release.
            log.warn("{} {} names no decision_event_id; ignored", delivered.type(), delivered.eventId());
            return Optional.empty();
        }
        Optional<RecordedEvent> decision = work.find(release.decisionEventId());
        if (decision.isEmpty()) {
            log.warn(
                    "{} {} releases decision {}, which does not exist; ignored",
                    delivered.type(),
                    delivered.eventId(),
                    release.decisionEventId());
            return Optional.empty();
        }
        RecordedEvent d = decision.get();
        String payload = release.modifications().isEmpty()
                ? d.payload()
                : EventCodec.merge(d.payload(), release.modifications());
        return Optional.of(
                new Effective(d, payload, delivered, Optional.of(release), d.correlationId(), clientId(d, work)));
    }

    public static Release release(RecordedEvent event) {
        return switch (event.type()) {
            case EventTypes.AUTONOMIC_DECISION_EXECUTED -> EventCodec.decode(event, DecisionEvent.Executed.class);
            case EventTypes.HUMAN_APPROVAL_GRANTED -> EventCodec.decode(event, ApprovalEvent.Granted.class);
            case EventTypes.HUMAN_OVERRIDE -> EventCodec.decode(event, ApprovalEvent.Overridden.class);
            case EventTypes.APPROVED_BY_SILENCE -> EventCodec.decode(event, ApprovalEvent.ApprovedBySilence.class);
            default -> throw new IllegalArgumentException(event.type() + " is not a release");
        };
    }

    /**
     * {@code event} as it joins the aggregate it is appended to: without a correlation of its own it
     * continues the aggregate's flow, and without a {@code client_id} it belongs to the aggregate's client.
     * The HTTP edge appends people's and outside systems' facts through this.
     */
    public static NewEvent continuing(UnitOfWork work, StreamId stream, NewEvent event) {
        List<RecordedEvent> history = work.readStream(stream, 1);
        if (history.isEmpty()) {
            return event;
        }
        // NewEvent fills a missing correlation with the event's own id, so "no correlation of its own" is this
        // equality.
        NewEvent joined = event.eventId().equals(event.correlationId())
                ? event.correlatedWith(history.getFirst().correlationId())
                : event;
        if (clientIdIn(joined.payload()) == null) {
            String client = history.stream()
                    .map(e -> clientIdIn(e.payload()))
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse("CLIENT".equals(stream.type()) ? stream.id() : null);
            if (client != null) {
                joined = new NewEvent(
                        joined.eventId(),
                        joined.type(),
                        EventCodec.merge(joined.payload(), java.util.Map.of("client_id", client)),
                        joined.metadata(),
                        joined.correlationId(),
                        joined.causationId(),
                        joined.emittedBy(),
                        joined.confidence(),
                        joined.timestamp());
            }
        }
        return joined;
    }

    /** The flow of {@code event}: its own correlation, or, when it states none, the flow of its aggregate. */
    public static UUID correlation(RecordedEvent event, UnitOfWork work) {
        if (!event.correlationId().equals(event.eventId()) || event.sequenceNumber() <= 1) {
            return event.correlationId();
        }
        List<RecordedEvent> first = work.readStream(event.stream(), 1);
        return first.isEmpty() || first.getFirst().eventId().equals(event.eventId())
                ? event.correlationId()
                : first.getFirst().correlationId();
    }

    /** The client of {@code event}: its payload's {@code client_id}, else its aggregate's, else a CLIENT stream's id. */
    public static @Nullable String clientId(RecordedEvent event, UnitOfWork work) {
        String own = clientIdIn(event.payload());
        if (own != null) {
            return own;
        }
        if (event.sequenceNumber() > 1) {
            for (RecordedEvent earlier : work.readStream(event.stream(), 1)) {
                if (earlier.sequenceNumber() >= event.sequenceNumber()) {
                    break;
                }
                String inherited = clientIdIn(earlier.payload());
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return "CLIENT".equals(event.stream().type()) ? event.stream().id() : null;
    }

    public static @Nullable String clientIdIn(String payload) {
        JsonNode node = EventCodec.tree(payload).get("client_id");
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }
}

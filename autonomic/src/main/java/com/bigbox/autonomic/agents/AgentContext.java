package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.reasoning.Reasoner;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an agent sees while it reacts: the trigger, reads of the log in the handler's transaction, the
 * clock and its reasoner. Emissions are collected and appended only when the agent returns, all in the
 * handler's transaction, so a failed reaction leaves nothing behind.
 */
public final class AgentContext {
    private final AgentDefinition definition;
    private final Effective trigger;
    private final UnitOfWork work;
    private final Clock clock;
    private final Reasoner reasoner;
    private final List<Emission> emissions = new ArrayList<>();

    AgentContext(AgentDefinition definition, Effective trigger, UnitOfWork work, Clock clock, Reasoner reasoner) {
        this.definition = definition;
        this.trigger = trigger;
        this.work = work;
        this.clock = clock;
        this.reasoner = reasoner;
    }

    public Reasoner reasoner() {
        return reasoner;
    }

    /** Business time now; never before the trigger, so a flow's timestamps keep their order. */
    public Instant now() {
        Instant now = clock.instant();
        Instant delivered = trigger.delivered().timestamp();
        return delivered != null && delivered.isAfter(now) ? delivered : now;
    }

    public List<RecordedEvent> readStream(StreamId stream) {
        return work.readStream(stream, 1);
    }

    public boolean exists(StreamId stream) {
        return work.version(stream) > 0;
    }

    /** @throws MandateViolation when the type is outside the agent's mandate */
    public void emit(Emission emission) {
        String type = EventCodec.typeOf(emission.payload());
        if (!definition.emits().contains(type)) {
            throw new MandateViolation(definition.name(), type);
        }
        emissions.add(emission);
    }

    List<Emission> emissions() {
        return List.copyOf(emissions);
    }

    /** Appends the emissions, grouped by stream in the order they were made. */
    void flush() {
        Map<StreamId, List<NewEvent>> byStream = new LinkedHashMap<>();
        Instant at = now();
        int index = 0;
        for (Emission e : emissions) {
            byStream.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(toEvent(e, index++, at));
        }
        byStream.forEach((stream, events) -> work.append(stream, ExpectedVersion.any(), events));
    }

    private NewEvent toEvent(Emission e, int index, Instant at) {
        RecordedEvent cause = trigger.delivered();
        // The id is derived from the cause, so a redelivered trigger cannot store the same emission twice.
        UUID id = UUID.nameUUIDFromBytes(
                (definition.name() + "/" + cause.eventId() + "/" + index).getBytes(StandardCharsets.UTF_8));
        var metadata = new DecisionMetadata(
                e.judgement().reasons(),
                reasoner.name(),
                e.actionClass(),
                e.action(),
                e.summary(),
                e.requiresHuman() ? Boolean.TRUE : null,
                List.of(trigger.event().eventId()));
        return new NewEvent(
                id,
                EventCodec.typeOf(e.payload()),
                EventCodec.payload(e.payload()),
                EventCodec.write(metadata),
                trigger.correlationId(),
                cause.eventId(),
                definition.name(),
                com.bigbox.core.Confidence.of(e.judgement().confidence()),
                at);
    }
}

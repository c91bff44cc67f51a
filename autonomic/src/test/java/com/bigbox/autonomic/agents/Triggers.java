package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.DecisionEvent;
import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.Release;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.core.Confidence;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Triggers for the features' rule tests: a fact as it arrived, or a decision as its release lets it take effect. */
public final class Triggers {
    public static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");
    public static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    static final UUID RELEASE = UUID.fromString("00000000-0000-0000-0000-00000000e002");
    static final UUID CORRELATION = UUID.fromString("00000000-0000-0000-0000-00000000c001");

    private Triggers() {}

    public static Effective fact(StreamId stream, DomainEvent payload) {
        RecordedEvent event = recorded(EVENT, EventCodec.typeOf(payload), stream, EventCodec.payload(payload), null);
        return new Effective(event, event.payload(), event, Optional.empty(), CORRELATION, payload.clientId());
    }

    /** A decision of {@code confidence} that a person approved ({@code byHuman}) or Oversight executed. */
    public static Effective released(StreamId stream, DomainEvent payload, double confidence, boolean byHuman) {
        String type = EventCodec.typeOf(payload);
        RecordedEvent decision = recorded(EVENT, type, stream, EventCodec.payload(payload), Confidence.of(confidence));
        Release release = byHuman
                ? new ApprovalEvent.Granted(payload.clientId(), UUID.randomUUID(), EVENT, type, "agent", "ceo", null)
                : new DecisionEvent.Executed(
                        payload.clientId(), EVENT, type, "agent", confidence, "autonomous", List.of());
        RecordedEvent delivered = recorded(
                RELEASE,
                EventCodec.typeOf((DomainEvent) release),
                StreamId.of("APPROVAL", "a-1"),
                EventCodec.payload((DomainEvent) release),
                null);
        return new Effective(
                decision, decision.payload(), delivered, Optional.of(release), CORRELATION, payload.clientId());
    }

    /** The id an agent derives from these triggers, as {@link DerivedIds} does. */
    public static String derived(Effective trigger, String prefix, String discriminator) {
        return DerivedIds.derive(trigger, prefix, discriminator);
    }

    private static RecordedEvent recorded(
            UUID id, String type, StreamId stream, String payload, @Nullable Confidence confidence) {
        return new RecordedEvent(
                id, type, stream, 1, new Position(1, 1), payload, "{}", CORRELATION, id, "test", confidence, AT, AT);
    }
}

package com.bigbox.server.events;

import com.bigbox.core.RecordedEvent;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An event as the API shows it: the stored row's columns, payload and metadata as JSON. */
public record EventView(
        UUID event_id,
        String event_type,
        String aggregate_type,
        String aggregate_id,
        long sequence_number,
        long global_position,
        @JsonRawValue String payload,
        @JsonRawValue String metadata,
        UUID correlation_id,
        UUID causation_id,
        String emitted_by,
        BigDecimal confidence,
        Instant timestamp,
        Instant created_at) {

    public static EventView of(RecordedEvent e) {
        return new EventView(
                e.eventId(),
                e.type(),
                e.stream().type(),
                e.stream().id(),
                e.sequenceNumber(),
                e.globalPosition(),
                e.payload(),
                e.metadata(),
                e.correlationId(),
                e.causationId(),
                e.emittedBy(),
                e.confidence() == null
                        ? null
                        : BigDecimal.valueOf(e.confidence().value()).setScale(2),
                e.timestamp(),
                e.createdAt());
    }
}

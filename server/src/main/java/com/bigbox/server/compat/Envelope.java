package com.bigbox.server.compat;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.core.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event in the original engine's API envelope: {@code entity_type}/{@code entity_id} for the
 * aggregate, {@code created_at} for the business time, and {@code metadata} with the flow's
 * {@code correlation_id}, {@code causation_id}, the stream {@code version} and {@code tags}.
 */
public record Envelope(
        UUID event_id,
        String event_type,
        String entity_type,
        String entity_id,
        JsonNode payload,
        BigDecimal confidence,
        Instant created_at,
        String emitted_by,
        boolean requires_human,
        Map<String, Object> metadata) {

    public static Envelope of(RecordedEvent e) {
        JsonNode stored = EventCodec.tree(e.metadata());
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("correlation_id", e.correlationId());
        metadata.put("causation_id", e.causationId());
        metadata.put("version", e.sequenceNumber());
        metadata.put("tags", stored.has("tags") ? stored.get("tags") : List.of());
        if (stored instanceof ObjectNode object) {
            object.properties().forEach(f -> metadata.putIfAbsent(f.getKey(), f.getValue()));
        }
        boolean requiresHuman = stored.path("requires_human").asBoolean(false);
        return new Envelope(
                e.eventId(),
                e.type(),
                e.stream().type(),
                e.stream().id(),
                EventCodec.tree(e.payload()),
                e.confidence() == null
                        ? null
                        : BigDecimal.valueOf(e.confidence().value()).setScale(2),
                e.timestamp(),
                e.emittedBy(),
                requiresHuman,
                metadata);
    }

    public static List<Envelope> all(List<RecordedEvent> events) {
        return events.stream().map(Envelope::of).toList();
    }
}

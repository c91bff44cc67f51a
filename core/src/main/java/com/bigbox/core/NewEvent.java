package com.bigbox.core;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event about to be appended. Payload and metadata are JSON object texts; the store keeps them as
 * {@code jsonb}. Build one with {@link #of(String, String)} and the {@code with...} methods.
 *
 * @param eventId the id; a retry with the same id is not stored twice
 * @param type the event type, e.g. {@code LEAD_QUALIFIED}
 * @param payload JSON object text
 * @param metadata JSON object text
 * @param correlationId the business flow this event belongs to; defaults to the event's own id
 * @param causationId the event this one reacts to, or null
 * @param emittedBy the agent, user or system that emitted it
 * @param confidence how sure the emitter was, or null when not a decision
 * @param timestamp when it happened, or null for the moment it is stored (a simulation or an
 *     import states it; the store keeps it as {@code timestamp})
 */
public record NewEvent(
        UUID eventId,
        String type,
        String payload,
        String metadata,
        @Nullable UUID correlationId,
        @Nullable UUID causationId,
        String emittedBy,
        @Nullable Confidence confidence,
        @Nullable Instant timestamp) {
    public static final int MAX_TYPE_LENGTH = 200;

    public NewEvent {
        Require.present("event_id", eventId);
        type = Require.text("event_type", type, MAX_TYPE_LENGTH);
        payload = jsonObject("payload", payload);
        metadata = jsonObject("metadata", metadata == null ? "{}" : metadata);
        correlationId = correlationId == null ? eventId : correlationId;
        emittedBy = Require.text("emitted_by", emittedBy, MAX_TYPE_LENGTH);
    }

    /** A new event with a new time-ordered id, emitted by {@code system}, with empty metadata. */
    public static NewEvent of(String type, String payloadJson) {
        return new NewEvent(Uuids.timeOrdered(), type, payloadJson, "{}", null, null, "system", null, null);
    }

    public NewEvent withId(UUID id) {
        return new NewEvent(
                id,
                type,
                payload,
                metadata,
                Objects.equals(correlationId, eventId) ? id : correlationId,
                causationId,
                emittedBy,
                confidence,
                timestamp);
    }

    public NewEvent withMetadata(String metadataJson) {
        return new NewEvent(
                eventId, type, payload, metadataJson, correlationId, causationId, emittedBy, confidence, timestamp);
    }

    public NewEvent correlatedWith(UUID correlation) {
        return new NewEvent(
                eventId, type, payload, metadata, correlation, causationId, emittedBy, confidence, timestamp);
    }

    public NewEvent causedBy(UUID causation) {
        return new NewEvent(
                eventId, type, payload, metadata, correlationId, causation, emittedBy, confidence, timestamp);
    }

    /** Continues the flow of {@code cause}: same correlation, caused by it. */
    public NewEvent causedBy(RecordedEvent cause) {
        return new NewEvent(
                eventId,
                type,
                payload,
                metadata,
                cause.correlationId(),
                cause.eventId(),
                emittedBy,
                confidence,
                timestamp);
    }

    public NewEvent emittedBy(String emitter) {
        return new NewEvent(
                eventId, type, payload, metadata, correlationId, causationId, emitter, confidence, timestamp);
    }

    public NewEvent withConfidence(Confidence value) {
        return new NewEvent(eventId, type, payload, metadata, correlationId, causationId, emittedBy, value, timestamp);
    }

    public NewEvent at(Instant when) {
        return new NewEvent(eventId, type, payload, metadata, correlationId, causationId, emittedBy, confidence, when);
    }

    public NewEvent withConfidence(double value) {
        return withConfidence(Confidence.of(value));
    }

    // Only the outer shape is checked here; the database parses the JSON and rejects the rest.
    private static String jsonObject(String field, String json) {
        Require.present(field, json);
        String trimmed = json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new InvalidEventException(field, "must be a JSON object");
        }
        return trimmed;
    }
}

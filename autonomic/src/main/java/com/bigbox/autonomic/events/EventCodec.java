package com.bigbox.autonomic.events;

import com.bigbox.core.RecordedEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one edge between stored events and domain records: a record becomes its declared type name and
 * payload JSON (snake_case, as the original engine's payloads), and a stored payload becomes its
 * record. Fields a record does not know are ignored, so other producers may add to a payload.
 */
public final class EventCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setDefaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private EventCodec() {}

    /** The stored type name of {@code event}. */
    public static String typeOf(DomainEvent event) {
        return EventCatalogue.forPayload(event.getClass()).name();
    }

    /** {@code event} as a payload JSON object. */
    public static String payload(DomainEvent event) {
        return write(event);
    }

    /** The record of a stored event, when its type is declared with one. */
    public static Optional<DomainEvent> decode(RecordedEvent event) {
        return EventCatalogue.find(event.type())
                .<Class<? extends DomainEvent>>map(EventType::payload)
                .map(payload -> read(event.payload(), payload));
    }

    /**
     * The payload of {@code event} as {@code type}.
     *
     * @throws InvalidPayloadException when a field has the wrong shape (the field is named)
     */
    public static <T> T decode(RecordedEvent event, Class<T> type) {
        return read(event.payload(), type);
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (MismatchedInputException e) {
            String field =
                    e.getPath().isEmpty() ? "payload" : e.getPath().getLast().getFieldName();
            throw new InvalidPayloadException(
                    field == null ? "payload" : field,
                    "has the wrong type for " + type.getSimpleName() + ": " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("payload", "is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    /** Any value (a record, a map, a list) as JSON text. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON object text as a tree (for documents whose shape the domain does not fix, e.g. an SOP's outcome). */
    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("payload", "is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    /** {@code json} with {@code changes} written over its top-level fields (a human override). */
    public static String merge(String json, Map<String, Object> changes) {
        JsonNode base = tree(json);
        if (!(base instanceof ObjectNode object)) {
            throw new InvalidPayloadException("payload", "must be a JSON object");
        }
        ObjectNode copy = object.deepCopy();
        changes.forEach((field, value) -> copy.set(field, JSON.valueToTree(value)));
        return copy.toString();
    }

    /** A map (from a request body, an SOP document) converted to a record. */
    public static <T> T convert(Object value, Class<T> type) {
        try {
            return JSON.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException("payload", firstLine(e.getMessage()));
        }
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

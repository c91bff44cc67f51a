package com.bigbox.server.events;

import com.bigbox.core.Confidence;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.Uuids;
import com.bigbox.server.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/events}, checked field by field so that a refusal names the field.
 * Core value types do the remaining checks (lengths, confidence range) with the same field names.
 */
record AppendRequest(StreamId stream, ExpectedVersion expected, NewEvent event) {
    private static final Set<String> FIELDS = Set.of(
            "event_id",
            "event_type",
            "aggregate_type",
            "aggregate_id",
            "payload",
            "metadata",
            "correlation_id",
            "causation_id",
            "emitted_by",
            "confidence",
            "expected_version",
            "timestamp");

    static AppendRequest parse(ObjectMapper json, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            throw ApiException.badRequest("body", "the body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("body", "the body must be a JSON object");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; expected some of " + FIELDS);
            }
        });
        var stream = new StreamId(text(root, "aggregate_type", true), text(root, "aggregate_id", true));
        var event = new NewEvent(
                uuid(root, "event_id", Uuids.timeOrdered()),
                text(root, "event_type", true),
                object(root, "payload", true),
                object(root, "metadata", false),
                uuid(root, "correlation_id", null),
                uuid(root, "causation_id", null),
                orElse(text(root, "emitted_by", false), "api"),
                confidence(root),
                instant(root, "timestamp"));
        return new AppendRequest(stream, expectedVersion(root), event);
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.badRequest(field, field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string");
        }
        return node.asText();
    }

    private static String object(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.badRequest(field, field + " is required (a JSON object)");
            }
            return "{}";
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(field, field + " must be a JSON object");
        }
        return node.toString();
    }

    private static UUID uuid(JsonNode root, String field, UUID otherwise) {
        String text = text(root, field, false);
        if (text == null) {
            return otherwise;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, field + " must be a UUID, was '" + text + "'");
        }
    }

    private static Confidence confidence(JsonNode root) {
        JsonNode node = root.get("confidence");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw ApiException.badRequest("confidence", "confidence must be a number between 0 and 1");
        }
        return Confidence.of(node.asDouble());
    }

    private static ExpectedVersion expectedVersion(JsonNode root) {
        JsonNode node = root.get("expected_version");
        if (node == null || node.isNull()) {
            return ExpectedVersion.any();
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw ApiException.badRequest(
                    "expected_version", "expected_version must be a whole number (the stream's version)");
        }
        return ExpectedVersion.exactly(node.asLong());
    }

    private static Instant instant(JsonNode root, String field) {
        String text = text(root, field, false);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be an ISO-8601 instant such as 2026-01-31T09:30:00Z");
        }
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

package com.bigbox.server.autonomic;

import com.bigbox.server.ApiException;
import com.bigbox.server.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A request's JSON object body, read field by field so that every refusal names its field. */
public final class Body {
    private static final ObjectMapper JSON = Json.mapper();
    private final ObjectNode root;

    private Body(ObjectNode root) {
        this.root = root;
    }

    /** The body, which must be a JSON object holding only {@code allowed} fields. */
    public static Body of(Context ctx, Set<String> allowed) {
        String text = ctx.body();
        JsonNode node;
        try {
            node = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (Exception e) {
            throw ApiException.badRequest("body", "the body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("body", "the body must be a JSON object");
        }
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(
                        name,
                        "unknown field '" + name + "'; expected some of "
                                + allowed.stream().sorted().toList());
            }
        });
        return new Body(object);
    }

    public static Body of(ObjectNode node) {
        return new Body(node);
    }

    public String text(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string");
        }
        return node.asText();
    }

    public String requiredText(String field) {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        return value;
    }

    public BigDecimal decimal(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        throw ApiException.badRequest(field, field + " must be a number");
    }

    public Double number(String field) {
        BigDecimal value = decimal(field);
        return value == null ? null : value.doubleValue();
    }

    public Integer integer(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt()) {
            throw ApiException.badRequest(field, field + " must be a whole number");
        }
        return node.asInt();
    }

    public Boolean bool(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest(field, field + " must be true or false");
        }
        return node.asBoolean();
    }

    /** A JSON object field as text, or null. */
    public String objectJson(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(field, field + " must be a JSON object");
        }
        return node.toString();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String field) {
        String json = objectJson(field);
        try {
            return json == null ? null : JSON.readValue(json, Map.class);
        } catch (Exception e) {
            throw ApiException.badRequest(field, field + " must be a JSON object");
        }
    }

    public Body object(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return new Body(JSON.createObjectNode());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest(field, field + " must be a JSON object");
        }
        return new Body(object);
    }

    public List<String> strings(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.badRequest(field, field + " must be an array of strings");
        }
        var values = new ArrayList<String>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw ApiException.badRequest(field, field + " must be an array of strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    public JsonNode node(String field) {
        return root.get(field);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

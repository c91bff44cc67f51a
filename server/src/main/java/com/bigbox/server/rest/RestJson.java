package com.bigbox.server.rest;

import com.bigbox.server.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Request bodies and answers of {@code /rest/v1} as JSON; a body that is not is refused as PostgREST does (PGRST102). */
final class RestJson {
    static final ObjectMapper MAPPER = Json.mapper();

    private RestJson() {}

    static JsonNode parse(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new PostgrestException(400, "PGRST102", "Empty or invalid json", null, null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PostgrestException(400, "PGRST102", "Empty or invalid json", e.getOriginalMessage(), null);
        }
    }

    /** An insert's rows: one object or an array of objects. */
    static ArrayNode rows(String body) {
        JsonNode node = parse(body);
        if (node.isObject()) {
            return MAPPER.createArrayNode().add(node);
        }
        if (node.isArray()) {
            for (JsonNode row : node) {
                if (!row.isObject()) {
                    throw new PostgrestException(
                            400, "PGRST102", "All object keys must match", "every element must be a JSON object", null);
                }
            }
            return (ArrayNode) node;
        }
        throw new PostgrestException(
                400,
                "PGRST102",
                "Empty or invalid json",
                "the body must be a JSON object or an array of objects",
                null);
    }
}

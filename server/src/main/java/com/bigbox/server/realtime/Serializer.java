package com.bigbox.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Phoenix's two JSON serializers, chosen by the socket's {@code vsn} parameter: 1.0.0 sends objects
 * ({@code {"topic", "event", "payload", "ref", "join_ref"}}), 2.0.0 arrays
 * ({@code [join_ref, ref, topic, event, payload]}), which realtime-js uses by default.
 */
enum Serializer {
    V1("1.0.0"),
    V2("2.0.0");

    private final String vsn;

    Serializer(String vsn) {
        this.vsn = vsn;
    }

    static Serializer forVsn(String vsn) {
        if (vsn == null || vsn.isBlank() || vsn.equals(V1.vsn)) {
            return V1;
        }
        if (vsn.equals(V2.vsn)) {
            return V2;
        }
        throw new IllegalArgumentException("unsupported vsn '" + vsn + "': expecting 1.0.0 or 2.0.0");
    }

    PhoenixMessage decode(ObjectMapper json, String text) throws java.io.IOException {
        JsonNode node = json.readTree(text);
        return switch (this) {
            case V1 -> {
                if (node == null || !node.isObject()) {
                    throw new IllegalArgumentException("vsn 1.0.0 messages are JSON objects");
                }
                yield new PhoenixMessage(
                        string(node.get("join_ref")),
                        string(node.get("ref")),
                        string(node.get("topic")),
                        string(node.get("event")),
                        node.path("payload"));
            }
            case V2 -> {
                if (node == null || !node.isArray() || node.size() != 5) {
                    throw new IllegalArgumentException(
                            "vsn 2.0.0 messages are arrays [join_ref, ref, topic, event, payload]");
                }
                yield new PhoenixMessage(
                        string(node.get(0)),
                        string(node.get(1)),
                        string(node.get(2)),
                        string(node.get(3)),
                        node.get(4));
            }
        };
    }

    String encode(ObjectMapper json, PhoenixMessage message) {
        try {
            return switch (this) {
                case V1 -> {
                    ObjectNode node = json.createObjectNode();
                    node.put("topic", message.topic());
                    node.put("event", message.event());
                    node.set("payload", message.payload());
                    node.put("ref", message.ref());
                    node.put("join_ref", message.joinRef());
                    yield json.writeValueAsString(node);
                }
                case V2 -> {
                    ArrayNode node = json.createArrayNode();
                    node.add(message.joinRef());
                    node.add(message.ref());
                    node.add(message.topic());
                    node.add(message.event());
                    node.add(message.payload());
                    yield json.writeValueAsString(node);
                }
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a message tree always serializes", e);
        }
    }

    private static String string(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}

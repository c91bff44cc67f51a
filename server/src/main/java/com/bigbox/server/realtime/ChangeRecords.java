package com.bigbox.server.realtime;

import com.bigbox.core.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** Rows as realtime messages carry them: an event's columns, or a captured row's JSON. */
final class ChangeRecords {
    private ChangeRecords() {}

    static ObjectNode event(ObjectMapper json, RecordedEvent e) {
        ObjectNode row = json.createObjectNode();
        row.put("event_id", e.eventId().toString());
        row.put("event_type", e.type());
        row.put(
                "correlation_id",
                e.correlationId() == null ? null : e.correlationId().toString());
        row.put("causation_id", e.causationId() == null ? null : e.causationId().toString());
        row.put("aggregate_type", e.stream().type());
        row.put("aggregate_id", e.stream().id());
        row.put("sequence_number", e.sequenceNumber());
        row.set("payload", parse(json, e.payload()));
        row.set("metadata", parse(json, e.metadata()));
        row.put("emitted_by", e.emittedBy());
        if (e.confidence() == null) {
            row.putNull("confidence");
        } else {
            row.put("confidence", BigDecimal.valueOf(e.confidence().value()).setScale(2));
        }
        row.put("timestamp", e.timestamp() == null ? null : e.timestamp().toString());
        row.put("created_at", e.createdAt() == null ? null : e.createdAt().toString());
        row.put("global_position", e.globalPosition());
        row.put("transaction_seq", e.position().transactionSeq());
        return row;
    }

    static JsonNode parse(ObjectMapper json, String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("the database sent JSON that does not parse", e);
        }
    }
}

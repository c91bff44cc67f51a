package com.bigbox.postgres.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.UUID;

/**
 * One line of a segment: the fields an import orders and checks by, and the line itself, which the
 * database parses when it stores the event.
 *
 * @param where the segment file and line number, for messages
 */
record ExportedEvent(
        UUID eventId,
        String type,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        long sourceTransaction,
        String line,
        String where) {

    private static final JsonFactory JSON = new JsonFactory();

    /** A stream, as a map key. */
    record StreamKey(String type, String id) {
        @Override
        public String toString() {
            return type + "/" + id;
        }
    }

    StreamKey streamKey() {
        return new StreamKey(aggregateType, aggregateId);
    }

    String stream() {
        return aggregateType + "/" + aggregateId;
    }

    static ExportedEvent parse(String line, String where) {
        UUID id = null;
        String type = null;
        String aggregateType = null;
        String aggregateId = null;
        long sequence = -1;
        long transaction = -1;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BackupException(where + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "event_id" -> id = uuid(p.getValueAsString(), where);
                    case "event_type" -> type = p.getValueAsString();
                    case "aggregate_type" -> aggregateType = p.getValueAsString();
                    case "aggregate_id" -> aggregateId = p.getValueAsString();
                    case "sequence_number" -> sequence = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                    case "position" -> transaction = transactionSeq(p, where);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new BackupException(
                    where + ": not valid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
        require(id != null, where, "event_id");
        require(type != null && !type.isBlank(), where, "event_type");
        require(aggregateType != null && !aggregateType.isBlank(), where, "aggregate_type");
        require(aggregateId != null && !aggregateId.isBlank(), where, "aggregate_id");
        require(sequence >= 1, where, "sequence_number");
        require(transaction >= 0, where, "position.transaction_seq");
        return new ExportedEvent(id, type, aggregateType, aggregateId, sequence, transaction, line, where);
    }

    private static long transactionSeq(JsonParser p, String where) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new BackupException(where + ": position must be an object");
        }
        long transaction = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("transaction_seq") && value == JsonToken.VALUE_NUMBER_INT) {
                transaction = p.getLongValue();
            } else {
                p.skipChildren();
            }
        }
        return transaction;
    }

    private static UUID uuid(String text, String where) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BackupException(where + ": event_id is not a UUID: '" + text + "'");
        }
    }

    private static void require(boolean ok, String where, String field) {
        if (!ok) {
            throw new BackupException(where + ": " + field + " is missing or invalid");
        }
    }
}

package com.bigbox.server.realtime;

import com.bigbox.core.RecordedEvent;
import com.bigbox.postgres.access.RowChange;
import com.fasterxml.jackson.databind.JsonNode;

/** A committed change a subscriber may be told about: an inserted event, or a captured row change. */
sealed interface Change {
    String table();

    String type();

    /** The row after the change (null for DELETE). */
    JsonNode record();

    /** The row before it (null for INSERT). */
    JsonNode oldRecord();

    String commitTimestamp();

    /** The row a filter is applied to: the new one, or the old one for DELETE. */
    default JsonNode filtered() {
        return record() != null ? record() : oldRecord();
    }

    record EventInserted(RecordedEvent event, JsonNode record) implements Change {
        @Override
        public String table() {
            return "events";
        }

        @Override
        public String type() {
            return "INSERT";
        }

        @Override
        public JsonNode oldRecord() {
            return null;
        }

        @Override
        public String commitTimestamp() {
            return event.createdAt() == null ? null : event.createdAt().toString();
        }
    }

    record RowChanged(RowChange change, JsonNode record, JsonNode oldRecord) implements Change {
        @Override
        public String table() {
            return change.table();
        }

        @Override
        public String type() {
            return change.op();
        }

        @Override
        public String commitTimestamp() {
            return change.capturedAt() == null ? null : change.capturedAt().toString();
        }
    }
}

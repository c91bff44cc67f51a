package com.bigbox.postgres;

import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.InvalidEventException;
import com.bigbox.core.StreamId;
import com.bigbox.core.WrongExpectedVersionException;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.util.PSQLException;

/** Turns PostgreSQL's refusals of an append into the core's exceptions, naming the field. */
final class PgErrors {
    static final String VERSION_CONFLICT = "PT409";
    static final String UNIQUE_VIOLATION = "23505";

    private static final Map<String, String> FIELD_BY_CONSTRAINT = Map.of(
            "events_confidence_check", "confidence",
            "events_event_type_check", "event_type",
            "events_aggregate_type_check", "aggregate_type",
            "events_aggregate_id_check", "aggregate_id",
            "events_emitted_by_check", "emitted_by",
            "events_payload_is_object", "payload",
            "events_metadata_is_object", "metadata");

    private PgErrors() {}

    static RuntimeException translate(SQLException e, StreamId stream, ExpectedVersion expected) {
        String state = e.getSQLState();
        if (VERSION_CONFLICT.equals(state)) {
            return new WrongExpectedVersionException(stream, expected, serverMessage(e));
        }
        if ("23514".equals(state) || "23502".equals(state)) {
            String constraint = constraint(e);
            String field = constraint == null ? column(e) : FIELD_BY_CONSTRAINT.getOrDefault(constraint, constraint);
            return new InvalidEventException(field == null ? "event" : field, "is invalid: " + serverMessage(e));
        }
        if ("22P02".equals(state) || state != null && state.startsWith("22")) {
            return new InvalidEventException(guessJsonField(e), "is invalid: " + serverMessage(e));
        }
        return new EventStoreException("append to " + stream + " failed: " + serverMessage(e), e);
    }

    static String constraint(SQLException e) {
        return e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint()
                : null;
    }

    private static String column(SQLException e) {
        return e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getColumn()
                : null;
    }

    static String serverMessage(SQLException e) {
        return e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getMessage()
                : e.getMessage();
    }

    private static String guessJsonField(SQLException e) {
        String where = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? String.valueOf(p.getServerErrorMessage().getWhere())
                : "";
        return where.contains("metadata") ? "metadata" : "payload";
    }
}

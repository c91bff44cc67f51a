package com.bigbox.server.graphql;

import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.graphql.GraphqlReads;
import com.bigbox.postgres.graphql.GraphqlReads.ApprovalRow;
import com.bigbox.postgres.graphql.GraphqlReads.EventFilter;
import com.bigbox.postgres.graphql.GraphqlReads.EventRow;
import com.bigbox.postgres.graphql.GraphqlReads.Position;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL fields' rows ({@link GraphqlReads}, on the caller's transaction) as the maps GraphQL reads, each
 * charged to the answer's budget as it is read: no list is loaded whole before it is counted.
 */
final class GraphqlQueries {
    // The columns of an event other than payload and metadata, as JSON, are well under this.
    private static final int ROW_BYTES = 600;

    /** Where a page continues: after (transaction_seq, global_position). */
    record Cursor(long transactionSeq, long globalPosition) {
        static final Cursor START = new Cursor(0, 0);

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((transactionSeq + ":" + globalPosition).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
                return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("after is not a cursor this API gave out: '" + text + "'");
            }
        }

        Position position() {
            return new Position(transactionSeq, globalPosition);
        }
    }

    /** What an event row costs the answer: its payload and metadata only when selected. */
    record RowCharge(ResponseBudget budget, boolean payload, boolean metadata) {
        void charge(EventRow row) {
            budget.charge(ROW_BYTES + (payload ? length(row.payload()) : 0) + (metadata ? length(row.metadata()) : 0));
        }
    }

    private GraphqlQueries() {}

    /** Up to {@code first + 1} events after {@code after}, commit-safe; the extra one tells if there is a next page. */
    static List<Map<String, Object>> events(
            UnitOfWork work, ObjectMapper json, EventFilter f, Cursor after, int first, RowCharge charge) {
        var rows = new ArrayList<Map<String, Object>>();
        GraphqlReads.events(work, f, after.position(), first + 1, row -> {
            charge.charge(row);
            rows.add(event(json, row));
        });
        return rows;
    }

    /** Up to {@code first} events of one stream from {@code fromSequence} on (a stream may hold more than an answer may). */
    static List<Map<String, Object>> stream(
            UnitOfWork work,
            ObjectMapper json,
            String aggregateType,
            String aggregateId,
            long fromSequence,
            int first,
            RowCharge charge) {
        var rows = new ArrayList<Map<String, Object>>();
        GraphqlReads.stream(work, aggregateType, aggregateId, fromSequence, first, row -> {
            charge.charge(row);
            rows.add(event(json, row));
        });
        return rows;
    }

    private static Map<String, Object> event(ObjectMapper json, EventRow e) {
        var row = new LinkedHashMap<String, Object>();
        row.put("eventId", e.eventId());
        row.put("eventType", e.eventType());
        row.put("aggregateType", e.aggregateType());
        row.put("aggregateId", e.aggregateId());
        row.put("sequenceNumber", e.sequenceNumber());
        row.put("globalPosition", e.globalPosition());
        row.put("payload", parse(json, e.payload()));
        row.put("metadata", parse(json, e.metadata()));
        row.put("correlationId", e.correlationId());
        row.put("causationId", e.causationId());
        row.put("emittedBy", e.emittedBy());
        row.put("confidence", e.confidence());
        row.put("timestamp", text(e.timestamp()));
        row.put("createdAt", text(e.createdAt()));
        row.put("cursor", new Cursor(e.transactionSeq(), e.globalPosition()).encode());
        return row;
    }

    /** An event just appended, as the events field shows one (without a cursor). */
    static Map<String, Object> event(ObjectMapper json, RecordedEvent e) {
        var row = new LinkedHashMap<String, Object>();
        row.put("eventId", e.eventId().toString());
        row.put("eventType", e.type());
        row.put("aggregateType", e.stream().type());
        row.put("aggregateId", e.stream().id());
        row.put("sequenceNumber", e.sequenceNumber());
        row.put("globalPosition", e.globalPosition());
        row.put("payload", parse(json, e.payload()));
        row.put("metadata", parse(json, e.metadata()));
        row.put("correlationId", e.correlationId().toString());
        row.put("causationId", e.causationId() == null ? null : e.causationId().toString());
        row.put("emittedBy", e.emittedBy());
        row.put("confidence", e.confidence() == null ? null : e.confidence().value());
        row.put("timestamp", e.timestamp() == null ? null : e.timestamp().toString());
        row.put("createdAt", e.createdAt() == null ? null : e.createdAt().toString());
        return row;
    }

    /** Up to {@code first} pending approvals, each charged to {@code budget} as it is read. */
    static List<Map<String, Object>> pendingApprovals(
            UnitOfWork work, ObjectMapper json, int first, ResponseBudget budget) {
        var rows = new ArrayList<Map<String, Object>>();
        GraphqlReads.pendingApprovals(work, first, a -> rows.add(charged(budget, approval(json, a))));
        return rows;
    }

    private static Map<String, Object> approval(ObjectMapper json, ApprovalRow a) {
        var row = new LinkedHashMap<String, Object>();
        row.put("approvalId", a.approvalId());
        row.put("eventId", a.eventId());
        row.put("agentId", a.agentId());
        row.put("decisionContext", parse(json, a.decisionContext()));
        row.put("recommendedAction", a.recommendedAction());
        row.put("confidence", a.confidence());
        row.put("status", a.status());
        row.put("timeoutAt", text(a.timeoutAt()));
        row.put("resolvedAt", text(a.resolvedAt()));
        row.put("resolvedBy", a.resolvedBy());
        row.put("resolutionNotes", a.resolutionNotes());
        row.put("createdAt", text(a.createdAt()));
        return row;
    }

    static List<Map<String, Object>> sopMetrics(UnitOfWork work, int first, ResponseBudget budget) {
        var rows = new ArrayList<Map<String, Object>>();
        GraphqlReads.sopMetrics(
                work,
                first,
                named(
                        rows,
                        budget,
                        "sopId",
                        "executions",
                        "avgCycleTimeHours",
                        "avgAutomationRate",
                        "humanHours",
                        "totalCost"));
        return rows;
    }

    static List<Map<String, Object>> agentPerformance(UnitOfWork work, int first, ResponseBudget budget) {
        var rows = new ArrayList<Map<String, Object>>();
        GraphqlReads.agentPerformance(
                work,
                first,
                named(
                        rows,
                        budget,
                        "agentId",
                        "eventsProcessed",
                        "eventsEmitted",
                        "humanEscalations",
                        "avgConfidence",
                        "automationRate"));
        return rows;
    }

    static List<Map<String, Object>> clientHealth(
            UnitOfWork work, boolean atRiskOnly, int first, ResponseBudget budget) {
        var rows = new ArrayList<Map<String, Object>>();
        GraphqlReads.clientHealth(
                work,
                atRiskOnly,
                first,
                named(
                        rows,
                        budget,
                        "clientId",
                        "healthStatus",
                        "trustScore",
                        "eventsLast30d",
                        "revenue30d",
                        "automationRate",
                        "updatedAt"));
        return rows;
    }

    // Each row's values under the field names, in column order, charged to the answer's budget as it is read.
    private static java.util.function.Consumer<List<Object>> named(
            List<Map<String, Object>> rows, ResponseBudget budget, String... names) {
        return values -> {
            var row = new LinkedHashMap<String, Object>();
            for (int i = 0; i < names.length; i++) {
                Object value = values.get(i);
                row.put(names[i], value instanceof Instant t ? t.toString() : value);
            }
            rows.add(charged(budget, row));
        };
    }

    private static Map<String, Object> charged(ResponseBudget budget, Map<String, Object> row) {
        budget.chargeValue(row);
        return row;
    }

    private static Object parse(ObjectMapper json, String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

package com.bigbox.server.graphql;

import com.bigbox.core.RecordedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL behind the GraphQL fields, run on the caller's connection; rows become maps GraphQL reads. */
final class GraphqlQueries {
    static final String APPROVAL_COLUMNS = """
            approval_id, event_id, agent_id, decision_context::text, recommended_action, confidence, status, timeout_at,
            resolved_at, resolved_by, resolution_notes, created_at""";
    // The columns of an event other than payload and metadata, as JSON, are well under this.
    private static final int ROW_BYTES = 600;
    private static final int FETCH_ROWS = 100;
    private static final String HORIZON = "select events_settled_horizon()";
    private static final String EVENT_COLUMNS = """
            select event_id, event_type, aggregate_type, aggregate_id, sequence_number, global_position, payload::text,
                   metadata::text, correlation_id, causation_id, emitted_by, confidence, "timestamp", created_at, transaction_seq
              from events
            """;
    private static final String EVENTS = EVENT_COLUMNS + """
             where (transaction_seq, global_position) > (?, ?) and transaction_seq < ?
               and (?::text is null or event_type = ?::text)
               and (?::text is null or aggregate_type = ?::text)
               and (?::text is null or aggregate_id = ?::text)
               and (?::text is null or emitted_by = ?::text)
               and (?::uuid is null or correlation_id = ?::uuid)
             order by transaction_seq, global_position
             limit ?""";
    private static final String STREAM = EVENT_COLUMNS + """
             where aggregate_type = ? and aggregate_id = ? and sequence_number >= ?
             order by sequence_number
             limit ?""";
    private static final String PENDING = "select " + APPROVAL_COLUMNS
            + " from human_approvals where status = 'pending' order by created_at, approval_id limit ?";
    // The seed's sop_execution_metrics and agent_performance_30d (docs/seed-queries.sql).
    private static final String SOP_METRICS = """
            select sop_id, count(*), round(avg(cycle_time_hours), 2), round(avg(automation_rate), 2),
                   round(sum(human_hours), 2), round(sum(estimated_cost), 2)
              from sop_executions where status = 'completed' group by sop_id order by sop_id limit ?""";
    private static final String AGENT_PERFORMANCE = """
            select agent_id, sum(events_processed), sum(events_emitted), sum(human_escalations),
                   round(avg(avg_confidence), 2), round(avg(automation_rate), 2)
              from agent_metrics where window_start >= now() - interval '30 days' group by agent_id order by agent_id limit ?""";
    private static final String CLIENT_HEALTH = """
            select client_id, health_status, trust_score, events_last_30d, revenue_30d, automation_rate, updated_at
              from client_health where not ? or health_status <> 'healthy' order by client_id limit ?""";

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
    }

    /** What an event row costs the answer: its payload and metadata only when selected. */
    record RowCharge(ResponseBudget budget, boolean payload, boolean metadata) {}

    record EventFilter(
            String eventType, String aggregateType, String aggregateId, String emittedBy, UUID correlationId) {}

    private GraphqlQueries() {}

    /**
     * Up to {@code first + 1} events after {@code after}, commit-safe; the extra one tells if there is a next page.
     * Rows are fetched in batches and charged to {@code charge}'s budget as read, so an answer over the cap stops early.
     */
    static List<Map<String, Object>> events(
            Connection c, ObjectMapper json, EventFilter f, Cursor after, int first, RowCharge charge)
            throws SQLException {
        long horizon;
        try (var s = c.prepareStatement(HORIZON);
                var rs = s.executeQuery()) {
            rs.next();
            horizon = rs.getLong(1);
        }
        try (PreparedStatement s = c.prepareStatement(EVENTS)) {
            s.setLong(1, after.transactionSeq());
            s.setLong(2, after.globalPosition());
            s.setLong(3, horizon);
            int i = 4;
            for (String value : new String[] {f.eventType(), f.aggregateType(), f.aggregateId(), f.emittedBy()}) {
                s.setString(i++, value);
                s.setString(i++, value);
            }
            s.setObject(i++, f.correlationId(), Types.OTHER);
            s.setObject(i++, f.correlationId(), Types.OTHER);
            s.setInt(i, first + 1);
            return eventRows(s, json, charge);
        }
    }

    /**
     * Up to {@code first} events of one stream from {@code fromSequence} on, read and charged row by row
     * (a stream may hold more events than an answer may).
     */
    static List<Map<String, Object>> stream(
            Connection c,
            ObjectMapper json,
            String aggregateType,
            String aggregateId,
            long fromSequence,
            int first,
            RowCharge charge)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STREAM)) {
            s.setString(1, aggregateType);
            s.setString(2, aggregateId);
            s.setLong(3, fromSequence);
            s.setInt(4, first);
            return eventRows(s, json, charge);
        }
    }

    private static List<Map<String, Object>> eventRows(PreparedStatement s, ObjectMapper json, RowCharge charge)
            throws SQLException {
        s.setFetchSize(FETCH_ROWS);
        try (ResultSet rs = s.executeQuery()) {
            var rows = new ArrayList<Map<String, Object>>();
            while (rs.next()) {
                charge.budget()
                        .charge(ROW_BYTES
                                + (charge.payload() ? length(rs.getString(7)) : 0)
                                + (charge.metadata() ? length(rs.getString(8)) : 0));
                var row = new LinkedHashMap<String, Object>();
                row.put("eventId", rs.getString(1));
                row.put("eventType", rs.getString(2));
                row.put("aggregateType", rs.getString(3));
                row.put("aggregateId", rs.getString(4));
                row.put("sequenceNumber", rs.getLong(5));
                row.put("globalPosition", rs.getLong(6));
                row.put("payload", parse(json, rs.getString(7)));
                row.put("metadata", parse(json, rs.getString(8)));
                row.put("correlationId", rs.getString(9));
                row.put("causationId", rs.getString(10));
                row.put("emittedBy", rs.getString(11));
                row.put("confidence", number(rs.getBigDecimal(12)));
                row.put("timestamp", text(rs.getTimestamp(13)));
                row.put("createdAt", text(rs.getTimestamp(14)));
                row.put("cursor", new Cursor(rs.getLong(15), rs.getLong(6)).encode());
                rows.add(row);
            }
            return rows;
        }
    }

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
    static List<Map<String, Object>> pendingApprovals(Connection c, ObjectMapper json, int first, ResponseBudget budget)
            throws SQLException {
        try (var s = c.prepareStatement(PENDING)) {
            s.setInt(1, first);
            s.setFetchSize(FETCH_ROWS);
            try (var rs = s.executeQuery()) {
                var rows = new ArrayList<Map<String, Object>>();
                while (rs.next()) {
                    rows.add(charged(budget, approval(json, rs)));
                }
                return rows;
            }
        }
    }

    /** An approval row selected with {@link #APPROVAL_COLUMNS}. */
    static Map<String, Object> approval(ObjectMapper json, ResultSet rs) throws SQLException {
        var row = new LinkedHashMap<String, Object>();
        row.put("approvalId", rs.getString(1));
        row.put("eventId", rs.getString(2));
        row.put("agentId", rs.getString(3));
        row.put("decisionContext", parse(json, rs.getString(4)));
        row.put("recommendedAction", rs.getString(5));
        row.put("confidence", number(rs.getBigDecimal(6)));
        row.put("status", rs.getString(7));
        row.put("timeoutAt", text(rs.getTimestamp(8)));
        row.put("resolvedAt", text(rs.getTimestamp(9)));
        row.put("resolvedBy", rs.getString(10));
        row.put("resolutionNotes", rs.getString(11));
        row.put("createdAt", text(rs.getTimestamp(12)));
        return row;
    }

    static List<Map<String, Object>> sopMetrics(Connection c, int first, ResponseBudget budget) throws SQLException {
        return rows(
                c,
                SOP_METRICS,
                null,
                first,
                budget,
                "sopId",
                "executions",
                "avgCycleTimeHours",
                "avgAutomationRate",
                "humanHours",
                "totalCost");
    }

    static List<Map<String, Object>> agentPerformance(Connection c, int first, ResponseBudget budget)
            throws SQLException {
        return rows(
                c,
                AGENT_PERFORMANCE,
                null,
                first,
                budget,
                "agentId",
                "eventsProcessed",
                "eventsEmitted",
                "humanEscalations",
                "avgConfidence",
                "automationRate");
    }

    static List<Map<String, Object>> clientHealth(Connection c, boolean atRiskOnly, int first, ResponseBudget budget)
            throws SQLException {
        return rows(
                c,
                CLIENT_HEALTH,
                atRiskOnly,
                first,
                budget,
                "clientId",
                "healthStatus",
                "trustScore",
                "eventsLast30d",
                "revenue30d",
                "automationRate",
                "updatedAt");
    }

    // At most first rows, each charged to the answer's budget as it is read: no list is loaded whole before it is
    // counted.
    private static List<Map<String, Object>> rows(
            Connection c, String sql, Boolean flag, int first, ResponseBudget budget, String... names)
            throws SQLException {
        try (var s = c.prepareStatement(sql)) {
            int limitIndex = 1;
            if (flag != null) {
                s.setBoolean(limitIndex++, flag);
            }
            s.setInt(limitIndex, first);
            s.setFetchSize(FETCH_ROWS);
            try (var rs = s.executeQuery()) {
                var rows = new ArrayList<Map<String, Object>>();
                while (rs.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    for (int i = 0; i < names.length; i++) {
                        Object value = rs.getObject(i + 1);
                        row.put(
                                names[i],
                                value instanceof Timestamp t
                                        ? t.toInstant().toString()
                                        : value instanceof BigDecimal d ? d.doubleValue() : value);
                    }
                    rows.add(charged(budget, row));
                }
                return rows;
            }
        }
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

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static String text(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }
}

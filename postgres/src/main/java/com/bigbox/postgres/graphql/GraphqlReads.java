package com.bigbox.postgres.graphql;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.DatabaseException;
import com.bigbox.postgres.SqlResource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The SQL behind the GraphQL fields, in the caller's transaction. Rows are fetched in batches and handed to the
 * caller one by one as they are read, so an answer over its size cap stops the read (the caller throws).
 */
public final class GraphqlReads {
    private static final int FETCH_ROWS = 100;
    private static final String HORIZON = SqlResource.load(GraphqlReads.class, "settled_horizon");
    private static final String EVENTS = SqlResource.load(GraphqlReads.class, "events");
    private static final String STREAM = SqlResource.load(GraphqlReads.class, "stream");
    private static final String PENDING = SqlResource.load(GraphqlReads.class, "pending_approvals");
    private static final String SOP_METRICS = SqlResource.load(GraphqlReads.class, "sop_metrics");
    private static final String AGENT_PERFORMANCE = SqlResource.load(GraphqlReads.class, "agent_performance");
    private static final String CLIENT_HEALTH = SqlResource.load(GraphqlReads.class, "client_health");

    /** Which events to read; a null field matches any. */
    public record EventFilter(
            String eventType, String aggregateType, String aggregateId, String emittedBy, UUID correlationId) {}

    /** Where a page of events continues: after (transaction_seq, global_position). */
    public record Position(long transactionSeq, long globalPosition) {}

    /** An event row; payload and metadata are JSON text. */
    public record EventRow(
            String eventId,
            String eventType,
            String aggregateType,
            String aggregateId,
            long sequenceNumber,
            long globalPosition,
            String payload,
            String metadata,
            String correlationId,
            String causationId,
            String emittedBy,
            Double confidence,
            Instant timestamp,
            Instant createdAt,
            long transactionSeq) {
        public Position position() {
            return new Position(transactionSeq, globalPosition);
        }
    }

    /** A row of {@code human_approvals}; the decision context is JSON text. */
    public record ApprovalRow(
            String approvalId,
            String eventId,
            String agentId,
            String decisionContext,
            String recommendedAction,
            Double confidence,
            String status,
            Instant timeoutAt,
            Instant resolvedAt,
            String resolvedBy,
            String resolutionNotes,
            Instant createdAt) {}

    private GraphqlReads() {}

    /** Up to {@code limit} events after {@code after}, commit-safe: only below the settled horizon. */
    public static void events(UnitOfWork work, EventFilter f, Position after, int limit, Consumer<EventRow> each) {
        Connection c = work.unwrap(Connection.class);
        try {
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
                s.setInt(i, limit);
                eventRows(s, each);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Up to {@code limit} events of one stream from {@code fromSequence} on. */
    public static void stream(
            UnitOfWork work,
            String aggregateType,
            String aggregateId,
            long fromSequence,
            int limit,
            Consumer<EventRow> each) {
        try (PreparedStatement s = work.unwrap(Connection.class).prepareStatement(STREAM)) {
            s.setString(1, aggregateType);
            s.setString(2, aggregateId);
            s.setLong(3, fromSequence);
            s.setInt(4, limit);
            eventRows(s, each);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static void eventRows(PreparedStatement s, Consumer<EventRow> each) throws SQLException {
        s.setFetchSize(FETCH_ROWS);
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                each.accept(new EventRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        number(rs.getBigDecimal(12)),
                        instant(rs.getTimestamp(13)),
                        instant(rs.getTimestamp(14)),
                        rs.getLong(15)));
            }
        }
    }

    /** Up to {@code limit} pending approvals, oldest first. */
    public static void pendingApprovals(UnitOfWork work, int limit, Consumer<ApprovalRow> each) {
        try (var s = work.unwrap(Connection.class).prepareStatement(PENDING)) {
            s.setInt(1, limit);
            s.setFetchSize(FETCH_ROWS);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    each.accept(new ApprovalRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            number(rs.getBigDecimal(6)),
                            rs.getString(7),
                            instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9)),
                            rs.getString(10),
                            rs.getString(11),
                            instant(rs.getTimestamp(12))));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Per SOP: executions, average cycle time and automation rate, human hours, cost. */
    public static void sopMetrics(UnitOfWork work, int limit, Consumer<List<Object>> each) {
        values(work, SOP_METRICS, null, limit, each);
    }

    /** Per agent over 30 days: events processed and emitted, escalations, average confidence, automation rate. */
    public static void agentPerformance(UnitOfWork work, int limit, Consumer<List<Object>> each) {
        values(work, AGENT_PERFORMANCE, null, limit, each);
    }

    /** Per client: health, trust, events and revenue over 30 days, automation rate, updated at. */
    public static void clientHealth(UnitOfWork work, boolean atRiskOnly, int limit, Consumer<List<Object>> each) {
        values(work, CLIENT_HEALTH, atRiskOnly, limit, each);
    }

    // Each row's values in column order: numerics as doubles, timestamps as instants.
    private static void values(UnitOfWork work, String sql, Boolean flag, int limit, Consumer<List<Object>> each) {
        try (var s = work.unwrap(Connection.class).prepareStatement(sql)) {
            int limitIndex = 1;
            if (flag != null) {
                s.setBoolean(limitIndex++, flag);
            }
            s.setInt(limitIndex, limit);
            s.setFetchSize(FETCH_ROWS);
            try (var rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    var row = new ArrayList<Object>(columns);
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.add(
                                value instanceof Timestamp t
                                        ? t.toInstant()
                                        : value instanceof BigDecimal d ? d.doubleValue() : value);
                    }
                    each.accept(row);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

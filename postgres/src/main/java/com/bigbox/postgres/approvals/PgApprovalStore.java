package com.bigbox.postgres.approvals;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalComment;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.ApprovalStats;
import com.bigbox.autonomic.approvals.ApprovalStore;
import com.bigbox.autonomic.approvals.AuditEntry;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code human_approvals} and its comments and audit trail. Rows are written whole, as the fold of the
 * approval's events made them; the service locks a row ({@code for update}) before it decides what may
 * change, so a second, concurrent change waits, then finds the row as the first left it. The audit trail
 * is written by the table's trigger; this adapter only names the person ({@code bigbox.actor}).
 */
public final class PgApprovalStore implements ApprovalStore {
    private static final String SAVE = SqlResource.load(PgApprovalStore.class, "save_approval");
    private static final String FIND = SqlResource.load(PgApprovalStore.class, "approval_by_id");
    private static final String LOCK = SqlResource.load(PgApprovalStore.class, "lock_approval");
    private static final String LIST = SqlResource.load(PgApprovalStore.class, "list_approvals");
    private static final String RESET = SqlResource.load(PgApprovalStore.class, "reset_approvals");
    private static final String COMMENT = SqlResource.load(PgApprovalStore.class, "add_comment");
    private static final String COMMENTS = SqlResource.load(PgApprovalStore.class, "comments");
    private static final String AUDIT = SqlResource.load(PgApprovalStore.class, "audit_trail");
    private static final String STATS_BY_STATUS = SqlResource.load(PgApprovalStore.class, "count_by_status");
    private static final String STATS_BY_RESOLUTION = SqlResource.load(PgApprovalStore.class, "count_by_resolution");
    private static final String STATS_TIMES = SqlResource.load(PgApprovalStore.class, "resolution_times");

    @Override
    public Optional<Approval> find(UnitOfWork work, UUID approvalId) {
        return Jdbc.one(work, FIND, s -> s.setObject(1, approvalId), PgApprovalStore::map);
    }

    @Override
    public Optional<Approval> lock(UnitOfWork work, UUID approvalId) {
        return Jdbc.one(work, LOCK, s -> s.setObject(1, approvalId), PgApprovalStore::map);
    }

    @Override
    public List<Approval> list(UnitOfWork work, ApprovalFilter f) {
        return Jdbc.list(
                work,
                LIST,
                s -> {
                    int i = 1;
                    for (String value : new String[] {
                        f.status(),
                        f.agentId(),
                        f.actionClass(),
                        f.assignedRole(),
                        f.assignedTo(),
                        f.priority(),
                        f.clientId()
                    }) {
                        s.setString(i++, value);
                        s.setString(i++, value);
                    }
                    BigDecimal max = f.maxConfidence() == null ? null : BigDecimal.valueOf(f.maxConfidence());
                    s.setBigDecimal(i++, max);
                    s.setBigDecimal(i++, max);
                    s.setString(i++, f.decisionEventType());
                    s.setString(i++, f.decisionEventType());
                    s.setInt(i++, f.limit());
                    s.setInt(i, f.offset());
                },
                PgApprovalStore::map);
    }

    @Override
    public void save(UnitOfWork work, Approval a, String actor) {
        Jdbc.actAs(work, actor);
        Connection c = Jdbc.connection(work);
        Jdbc.update(work, SAVE, s -> {
            s.setObject(1, a.approvalId());
            s.setObject(2, a.eventId());
            s.setString(3, a.agentId());
            s.setString(4, a.decisionContext());
            s.setString(5, a.recommendedAction());
            s.setBigDecimal(6, BigDecimal.valueOf(a.confidence()));
            s.setString(7, a.status());
            s.setTimestamp(8, Jdbc.timestamp(a.timeoutAt()));
            s.setTimestamp(9, Jdbc.timestamp(a.resolvedAt()));
            s.setString(10, a.resolvedBy());
            s.setString(11, a.resolutionNotes());
            s.setTimestamp(12, Jdbc.timestamp(a.createdAt()));
            s.setString(13, a.clientId());
            s.setObject(14, a.correlationId());
            s.setString(15, a.decisionEventType());
            s.setArray(16, c.createArrayOf("uuid", a.evidence().toArray()));
            s.setString(17, a.actionClass());
            s.setString(18, a.assignedRole());
            s.setString(19, a.assignedTo());
            s.setString(20, a.priority());
            s.setInt(21, a.escalationLevel());
            s.setInt(22, a.requiredApprovals());
            s.setArray(23, c.createArrayOf("text", a.approvedBy().toArray()));
            s.setBoolean(24, a.silenceApproves());
            s.setBoolean(25, a.infoRequested());
            s.setTimestamp(26, Jdbc.timestamp(a.lastRemindedAt()));
            s.setInt(27, a.remindersSent());
            s.setString(28, a.modifications());
            s.setString(29, a.resolution());
            s.setTimestamp(30, Jdbc.timestamp(a.updatedAt()));
        });
    }

    @Override
    public void addComment(UnitOfWork work, ApprovalComment comment, String clientId) {
        Jdbc.update(work, COMMENT, s -> {
            s.setObject(1, comment.commentId());
            s.setObject(2, comment.approvalId());
            s.setString(3, clientId);
            s.setString(4, comment.author());
            s.setString(5, comment.body());
            s.setTimestamp(6, Jdbc.timestamp(comment.createdAt()));
        });
    }

    @Override
    public void reset(UnitOfWork work) {
        Jdbc.update(work, RESET, s -> {});
    }

    @Override
    public List<ApprovalComment> comments(UnitOfWork work, UUID approvalId) {
        return Jdbc.list(work, COMMENTS, s -> s.setObject(1, approvalId), PgApprovalStore::comment);
    }

    @Override
    public List<AuditEntry> audit(UnitOfWork work, UUID approvalId) {
        return Jdbc.list(
                work,
                AUDIT,
                s -> s.setObject(1, approvalId),
                rs -> new AuditEntry(
                        rs.getLong("audit_id"),
                        rs.getObject("approval_id", UUID.class),
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getString("from_status"),
                        rs.getString("to_status"),
                        rs.getString("details"),
                        Jdbc.instant(rs, "at")));
    }

    @Override
    public ApprovalStats stats(UnitOfWork work, Instant now) {
        Map<String, Long> byStatus = counts(work, STATS_BY_STATUS);
        Map<String, Long> byResolution = counts(work, STATS_BY_RESOLUTION);
        return Jdbc.one(work, STATS_TIMES, s -> s.setTimestamp(1, Jdbc.timestamp(now)), rs -> {
                    double hours = rs.getDouble(1);
                    Double avg = rs.wasNull() ? null : Math.round(hours * 100.0) / 100.0;
                    return new ApprovalStats(byStatus, byResolution, avg, rs.getLong(2));
                })
                .orElseThrow();
    }

    private static Map<String, Long> counts(UnitOfWork work, String sql) {
        var counts = new LinkedHashMap<String, Long>();
        Jdbc.list(work, sql, s -> {}, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private static ApprovalComment comment(ResultSet rs) throws SQLException {
        return new ApprovalComment(
                rs.getObject("comment_id", UUID.class),
                rs.getObject("approval_id", UUID.class),
                rs.getString("author"),
                rs.getString("body"),
                Jdbc.instant(rs, "created_at"));
    }

    static Approval map(ResultSet rs) throws SQLException {
        return new Approval(
                rs.getObject("approval_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("agent_id"),
                rs.getString("decision_context"),
                rs.getString("recommended_action"),
                rs.getBigDecimal("confidence").doubleValue(),
                rs.getString("status"),
                Jdbc.instant(rs, "timeout_at"),
                Jdbc.instant(rs, "resolved_at"),
                rs.getString("resolved_by"),
                rs.getString("resolution_notes"),
                Jdbc.instant(rs, "created_at"),
                rs.getString("client_id"),
                rs.getObject("correlation_id", UUID.class),
                rs.getString("decision_event_type"),
                uuids(rs.getArray("evidence")),
                rs.getString("action_class"),
                rs.getString("assigned_role"),
                rs.getString("assigned_to"),
                rs.getString("priority"),
                rs.getInt("escalation_level"),
                rs.getInt("required_approvals"),
                strings(rs.getArray("approved_by")),
                rs.getBoolean("silence_approves"),
                rs.getBoolean("info_requested"),
                Jdbc.instant(rs, "last_reminded_at"),
                rs.getInt("reminders_sent"),
                rs.getString("modifications"),
                rs.getString("resolution"),
                Jdbc.instant(rs, "updated_at"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .toList();
    }
}

package com.bigbox.postgres.approvals;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalComment;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.ApprovalStats;
import com.bigbox.autonomic.approvals.ApprovalStore;
import com.bigbox.autonomic.approvals.AuditEntry;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code human_approvals} and its comments and audit trail. Each change is one {@code update ... where
 * status = 'pending' ... returning}: the row lock makes a second, concurrent change wait, then find the
 * row no longer pending and change nothing. The audit trail is written by the table's trigger; this
 * adapter only names the person ({@code bigbox.actor}).
 */
public final class PgApprovalStore implements ApprovalStore {
    private static final String COLUMNS = """
            approval_id, event_id, agent_id, decision_context::text as decision_context, recommended_action, confidence,
            status, timeout_at, resolved_at, resolved_by, resolution_notes, created_at, client_id, correlation_id,
            decision_event_type, evidence, action_class, assigned_role, assigned_to, priority, escalation_level,
            required_approvals, approved_by, silence_approves, info_requested, last_reminded_at, reminders_sent,
            modifications::text as modifications, resolution, updated_at""";

    private static final String INSERT = """
            insert into human_approvals (approval_id, event_id, agent_id, decision_context, recommended_action, confidence,
                status, timeout_at, created_at, client_id, correlation_id, decision_event_type, evidence, action_class,
                assigned_role, priority, required_approvals, silence_approves, updated_at)
            values (?, ?, ?, ?::jsonb, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String FIND = "select " + COLUMNS + " from human_approvals where approval_id = ?";

    private static final String LIST = "select " + COLUMNS + """
             from human_approvals
            where (?::text is null or status = ?)
              and (?::text is null or agent_id = ?)
              and (?::text is null or action_class = ?)
              and (?::text is null or assigned_role = ?)
              and (?::text is null or assigned_to = ?)
              and (?::text is null or priority = ?)
              and (?::text is null or client_id = ?)
              and (?::numeric is null or confidence <= ?)
              and (?::text is null or decision_event_type = ?)
            order by case priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, created_at,
                     approval_id
            limit ? offset ?""";

    // One statement: add the approver; resolve when that makes enough approvers.
    private static final String APPROVE = """
            update human_approvals
               set approved_by = approved_by || array[?::text],
                   modifications = case when ?::jsonb is null then modifications
                                        else coalesce(modifications, '{}'::jsonb) || ?::jsonb end,
                   resolution_notes = coalesce(?::text, resolution_notes),
                   status = case when cardinality(approved_by) + 1 >= required_approvals then 'approved' else status end,
                   resolution = case when cardinality(approved_by) + 1 < required_approvals then null
                                     when ?::jsonb is not null or modifications is not null then 'modified'
                                     else 'approved' end,
                   resolved_at = case when cardinality(approved_by) + 1 >= required_approvals then ?::timestamptz end,
                   resolved_by = case when cardinality(approved_by) + 1 >= required_approvals then ?::text end,
                   updated_at = ?
             where approval_id = ? and status = 'pending' and not (? = any(approved_by))
            returning""" + " " + COLUMNS;

    private static final String REJECT = """
            update human_approvals
               set status = 'rejected', resolution = 'rejected', resolved_at = ?, resolved_by = ?, resolution_notes = ?,
                   updated_at = ?
             where approval_id = ? and status = 'pending'
            returning""" + " " + COLUMNS;

    private static final String SILENCE = """
            update human_approvals
               set status = 'approved', resolution = 'approved_by_silence', resolved_at = ?, resolved_by = 'system:silence',
                   resolution_notes = 'no answer by ' || to_char(timeout_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                                      || '; the action class lets silence approve',
                   updated_at = ?
             where approval_id = ? and status = 'pending' and timeout_at <= ?
            returning""" + " " + COLUMNS;

    private static final String EXPIRE = """
            update human_approvals
               set status = 'timeout', resolution = 'expired', resolved_at = ?, resolved_by = 'system:expiry',
                   resolution_notes = 'no answer from ' || coalesce(assigned_role, 'anyone') || ', nobody left to escalate to',
                   updated_at = ?
             where approval_id = ? and status = 'pending' and timeout_at <= ?
            returning""" + " " + COLUMNS;

    private static final String ESCALATE = """
            update human_approvals
               set escalation_level = escalation_level + 1, assigned_role = ?, assigned_to = null, timeout_at = ?,
                   priority = case priority when 'low' then 'medium' when 'medium' then 'high' else 'critical' end,
                   updated_at = ?
             where approval_id = ? and status = 'pending' and escalation_level = ?
            returning""" + " " + COLUMNS;

    private static final String ASSIGN = """
            update human_approvals set assigned_role = ?, assigned_to = ?, updated_at = ?
             where approval_id = ? and status = 'pending'
            returning""" + " " + COLUMNS;

    private static final String REQUEST_INFO = """
            update human_approvals set info_requested = true, updated_at = ?
             where approval_id = ? and status = 'pending'
            returning""" + " " + COLUMNS;

    private static final String REMIND = """
            update human_approvals set last_reminded_at = ?, reminders_sent = reminders_sent + 1, updated_at = ?
             where approval_id = ? and status = 'pending' and (last_reminded_at is null or last_reminded_at <= ?)
            returning""" + " " + COLUMNS;

    private static final String COMMENT = """
            insert into human_approval_comments (approval_id, client_id, author, body, created_at)
            values (?, ?, ?, ?, ?)
            returning comment_id, approval_id, author, body, created_at""";

    private static final String COMMENTS = """
            select comment_id, approval_id, author, body, created_at from human_approval_comments
             where approval_id = ? order by seq""";

    private static final String AUDIT = """
            select audit_id, approval_id, action, actor, from_status, to_status, details::text as details, at
              from human_approval_audit where approval_id = ? order by audit_id""";

    private static final String STATS_BY_STATUS = "select status, count(*) from human_approvals group by status";
    private static final String STATS_BY_RESOLUTION =
            "select resolution, count(*) from human_approvals where resolution is not null group by resolution";
    private static final String STATS_TIMES = """
            select avg(extract(epoch from resolved_at - created_at)) / 3600.0,
                   count(*) filter (where status = 'pending' and timeout_at < ?)
              from human_approvals""";

    @Override
    public void insert(UnitOfWork work, Approval a) {
        Jdbc.actAs(work, "OversightAgent");
        Jdbc.update(work, INSERT, s -> {
            s.setObject(1, a.approvalId());
            s.setObject(2, a.eventId());
            s.setString(3, a.agentId());
            s.setString(4, a.decisionContext());
            s.setString(5, a.recommendedAction());
            s.setBigDecimal(6, BigDecimal.valueOf(a.confidence()));
            s.setTimestamp(7, Jdbc.timestamp(a.timeoutAt()));
            s.setTimestamp(8, Jdbc.timestamp(a.createdAt()));
            s.setString(9, a.clientId());
            s.setObject(10, a.correlationId());
            s.setString(11, a.decisionEventType());
            s.setArray(12, Jdbc.connection(work).createArrayOf("uuid", a.evidence().toArray()));
            s.setString(13, a.actionClass());
            s.setString(14, a.assignedRole());
            s.setString(15, a.priority());
            s.setInt(16, a.requiredApprovals());
            s.setBoolean(17, a.silenceApproves());
            s.setTimestamp(18, Jdbc.timestamp(a.createdAt()));
        });
    }

    @Override
    public Optional<Approval> find(UnitOfWork work, UUID approvalId) {
        return Jdbc.one(work, FIND, s -> s.setObject(1, approvalId), PgApprovalStore::map);
    }

    @Override
    public List<Approval> list(UnitOfWork work, ApprovalFilter f) {
        return Jdbc.list(work, LIST, s -> {
            int i = 1;
            for (String value : new String[] {f.status(), f.agentId(), f.actionClass(), f.assignedRole(), f.assignedTo(),
                    f.priority(), f.clientId()}) {
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
        }, PgApprovalStore::map);
    }

    @Override
    public Optional<Approval> approve(UnitOfWork work, UUID approvalId, String by, String notes, String modificationsJson,
            Instant at) {
        Jdbc.actAs(work, by);
        return Jdbc.one(work, APPROVE, s -> {
            s.setString(1, by);
            s.setString(2, modificationsJson);
            s.setString(3, modificationsJson);
            s.setString(4, notes);
            s.setString(5, modificationsJson);
            s.setTimestamp(6, Jdbc.timestamp(at));
            s.setString(7, by);
            s.setTimestamp(8, Jdbc.timestamp(at));
            s.setObject(9, approvalId);
            s.setString(10, by);
        }, PgApprovalStore::map);
    }

    @Override
    public Optional<Approval> reject(UnitOfWork work, UUID approvalId, String by, String notes, Instant at) {
        Jdbc.actAs(work, by);
        return Jdbc.one(work, REJECT, s -> {
            s.setTimestamp(1, Jdbc.timestamp(at));
            s.setString(2, by);
            s.setString(3, notes);
            s.setTimestamp(4, Jdbc.timestamp(at));
            s.setObject(5, approvalId);
        }, PgApprovalStore::map);
    }

    @Override
    public Optional<Approval> approveBySilence(UnitOfWork work, UUID approvalId, Instant at) {
        Jdbc.actAs(work, "system:silence");
        return dueUpdate(work, SILENCE, approvalId, at);
    }

    @Override
    public Optional<Approval> expire(UnitOfWork work, UUID approvalId, Instant at) {
        Jdbc.actAs(work, "system:expiry");
        return dueUpdate(work, EXPIRE, approvalId, at);
    }

    private static Optional<Approval> dueUpdate(UnitOfWork work, String sql, UUID approvalId, Instant at) {
        return Jdbc.one(work, sql, s -> {
            s.setTimestamp(1, Jdbc.timestamp(at));
            s.setTimestamp(2, Jdbc.timestamp(at));
            s.setObject(3, approvalId);
            s.setTimestamp(4, Jdbc.timestamp(at));
        }, PgApprovalStore::map);
    }

    @Override
    public Optional<Approval> escalate(UnitOfWork work, UUID approvalId, int fromLevel, String toRole, Instant timeoutAt,
            String actor, Instant at) {
        Jdbc.actAs(work, actor);
        return Jdbc.one(work, ESCALATE, s -> {
            s.setString(1, toRole);
            s.setTimestamp(2, Jdbc.timestamp(timeoutAt));
            s.setTimestamp(3, Jdbc.timestamp(at));
            s.setObject(4, approvalId);
            s.setInt(5, fromLevel);
        }, PgApprovalStore::map);
    }

    @Override
    public Optional<Approval> assign(UnitOfWork work, UUID approvalId, String role, String user, String actor, Instant at) {
        Jdbc.actAs(work, actor);
        return Jdbc.one(work, ASSIGN, s -> {
            s.setString(1, role);
            s.setString(2, user);
            s.setTimestamp(3, Jdbc.timestamp(at));
            s.setObject(4, approvalId);
        }, PgApprovalStore::map);
    }

    @Override
    public Optional<Approval> requestInfo(UnitOfWork work, UUID approvalId, String actor, Instant at) {
        Jdbc.actAs(work, actor);
        return Jdbc.one(work, REQUEST_INFO, s -> {
            s.setTimestamp(1, Jdbc.timestamp(at));
            s.setObject(2, approvalId);
        }, PgApprovalStore::map);
    }

    @Override
    public Optional<Approval> remind(UnitOfWork work, UUID approvalId, String actor, Instant at, Duration minInterval) {
        Jdbc.actAs(work, actor);
        return Jdbc.one(work, REMIND, s -> {
            s.setTimestamp(1, Jdbc.timestamp(at));
            s.setTimestamp(2, Jdbc.timestamp(at));
            s.setObject(3, approvalId);
            s.setTimestamp(4, Jdbc.timestamp(at.minus(minInterval)));
        }, PgApprovalStore::map);
    }

    @Override
    public ApprovalComment comment(UnitOfWork work, Approval approval, String author, String body, Instant at) {
        return Jdbc.one(work, COMMENT, s -> {
            s.setObject(1, approval.approvalId());
            s.setString(2, approval.clientId());
            s.setString(3, author);
            s.setString(4, body);
            s.setTimestamp(5, Jdbc.timestamp(at));
        }, PgApprovalStore::comment).orElseThrow();
    }

    @Override
    public List<ApprovalComment> comments(UnitOfWork work, UUID approvalId) {
        return Jdbc.list(work, COMMENTS, s -> s.setObject(1, approvalId), PgApprovalStore::comment);
    }

    @Override
    public List<AuditEntry> audit(UnitOfWork work, UUID approvalId) {
        return Jdbc.list(work, AUDIT, s -> s.setObject(1, approvalId), rs -> new AuditEntry(rs.getLong("audit_id"),
                rs.getObject("approval_id", UUID.class), rs.getString("action"), rs.getString("actor"),
                rs.getString("from_status"), rs.getString("to_status"), rs.getString("details"), Jdbc.instant(rs, "at")));
    }

    @Override
    public ApprovalStats stats(UnitOfWork work, Instant now) {
        Map<String, Long> byStatus = counts(work, STATS_BY_STATUS);
        Map<String, Long> byResolution = counts(work, STATS_BY_RESOLUTION);
        return Jdbc.one(work, STATS_TIMES, s -> s.setTimestamp(1, Jdbc.timestamp(now)), rs -> {
            double hours = rs.getDouble(1);
            Double avg = rs.wasNull() ? null : Math.round(hours * 100.0) / 100.0;
            return new ApprovalStats(byStatus, byResolution, avg, rs.getLong(2));
        }).orElseThrow();
    }

    private static Map<String, Long> counts(UnitOfWork work, String sql) {
        var counts = new LinkedHashMap<String, Long>();
        Jdbc.list(work, sql, s -> {}, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private static ApprovalComment comment(ResultSet rs) throws SQLException {
        return new ApprovalComment(rs.getObject("comment_id", UUID.class), rs.getObject("approval_id", UUID.class),
                rs.getString("author"), rs.getString("body"), Jdbc.instant(rs, "created_at"));
    }

    static Approval map(ResultSet rs) throws SQLException {
        return new Approval(rs.getObject("approval_id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("agent_id"), rs.getString("decision_context"), rs.getString("recommended_action"),
                rs.getBigDecimal("confidence").doubleValue(), rs.getString("status"), Jdbc.instant(rs, "timeout_at"),
                Jdbc.instant(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("resolution_notes"),
                Jdbc.instant(rs, "created_at"), rs.getString("client_id"), rs.getObject("correlation_id", UUID.class),
                rs.getString("decision_event_type"), uuids(rs.getArray("evidence")), rs.getString("action_class"),
                rs.getString("assigned_role"), rs.getString("assigned_to"), rs.getString("priority"),
                rs.getInt("escalation_level"), rs.getInt("required_approvals"), strings(rs.getArray("approved_by")),
                rs.getBoolean("silence_approves"), rs.getBoolean("info_requested"), Jdbc.instant(rs, "last_reminded_at"),
                rs.getInt("reminders_sent"), rs.getString("modifications"), rs.getString("resolution"),
                Jdbc.instant(rs, "updated_at"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}

package com.bigbox.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table the engine derives from events, as rows of text in a fixed order, for comparing the live
 * tables with rebuilt (or restored) ones. Identity columns that only number rows as they were inserted
 * ({@code human_approval_audit.audit_id}, {@code human_approval_comments.seq}) are left out; they order
 * the rows instead. Jobs count while they are still to run: one that ran and found nothing to do, or was
 * cancelled, is history, not state.
 */
public final class DerivedTables {
    public static final Map<String, String> QUERIES = queries();

    private DerivedTables() {}

    private static Map<String, String> queries() {
        var q = new LinkedHashMap<String, String>();
        q.put("human_approvals", "select * from human_approvals order by approval_id");
        q.put("human_approval_comments", """
                select comment_id, approval_id, client_id, author, body, created_at
                  from human_approval_comments order by approval_id, seq""");
        q.put("human_approval_audit", """
                select approval_id, client_id, action, actor, from_status, to_status, details, at
                  from human_approval_audit order by approval_id, audit_id""");
        q.put("scheduled_jobs", """
                select kind, job_key, payload, run_at, every_seconds from scheduled_jobs
                 where status = 'scheduled' and kind in ('approval.expire', 'approval.remind', 'sop.step-timeout')
                 order by kind, job_key""");
        q.put("sop_definitions", "select * from sop_definitions order by sop_id, version");
        q.put("sop_executions", "select * from sop_executions order by execution_id");
        q.put("sop_execution_steps", "select * from sop_execution_steps order by execution_id, position");
        q.put("agent_metrics", "select * from agent_metrics order by agent_id, window_start");
        q.put("client_health", "select * from client_health order by client_id");
        q.put("improvement_signals", "select * from improvement_signals order by signal_id");
        q.put("sop_proposals", "select * from sop_proposals order by proposal_id");
        return q;
    }

    /** Each table's rows, one string per row. */
    public static Map<String, List<String>> snapshot(Connection connection) throws SQLException {
        var tables = new LinkedHashMap<String, List<String>>();
        for (var query : QUERIES.entrySet()) {
            var rows = new ArrayList<String>();
            try (var s = connection.createStatement();
                    var rs = s.executeQuery(query.getValue())) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    var cells = new ArrayList<String>();
                    for (int i = 1; i <= columns; i++) {
                        cells.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(String.join(" | ", cells));
                }
            }
            tables.put(query.getKey(), rows);
        }
        return tables;
    }
}

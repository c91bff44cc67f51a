package com.bigbox.postgres.autonomic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table the engine derives from events, as rows of text in a fixed order, for comparing the live
 * tables with rebuilt ones. Identity columns that only number rows as they were inserted
 * ({@code human_approval_audit.audit_id}, {@code human_approval_comments.seq}) are left out; they order
 * the rows instead. Jobs count while they are still to run: one that ran and found nothing to do, or was
 * cancelled, is history, not state.
 */
final class DerivedTables {
    static final Map<String, String> QUERIES = queries();

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
        return q;
    }

    static Map<String, List<String>> snapshot(AutonomicHarness engine) {
        var tables = new LinkedHashMap<String, List<String>>();
        QUERIES.forEach((table, sql) -> tables.put(table, engine.rows(sql)));
        return tables;
    }
}

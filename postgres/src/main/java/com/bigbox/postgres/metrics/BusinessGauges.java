package com.bigbox.postgres.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The operational figures the seed's tables answer for the whole cluster, read in one short
 * transaction: approvals pending and overdue, SOP executions by outcome, agents' confidence over 30
 * days and their escalations and events processed, and the chaos experiments' resilience scores.
 */
public final class BusinessGauges {
    private static final String APPROVALS = """
            select count(*) filter (where status = 'pending'),
                   count(*) filter (where status = 'pending' and timeout_at < now())
              from human_approvals""";

    private static final String SOP_EXECUTIONS = """
            select sop_id, status, count(*) from sop_executions group by sop_id, status order by sop_id, status""";

    // The agent's mean confidence over the 30 days: its confidences' sum over their count (days weigh as
    // much as they hold); rows written without the sums (by hand) fall back to their daily mean; null
    // without a row in the window. Escalations and events processed are totals over every row kept, so
    // they only grow and Prometheus can rate() them as the counters they are.
    private static final String AGENTS = """
            select agent_id,
                   (coalesce(sum(confidence_sum) filter (where recent) / nullif(sum(confidence_count) filter (where recent), 0),
                             avg(avg_confidence) filter (where recent)))::float8,
                   coalesce(sum(human_escalations), 0), coalesce(sum(events_processed), 0)
              from (select *, window_start >= now() - interval '30 days' as recent from agent_metrics) m
             group by agent_id order by agent_id""";

    private static final String CHAOS = """
            select count(*) filter (where status = 'running'),
                   (select 1 - system_degradation from chaos_experiments
                     where status = 'completed' and system_degradation is not null
                     order by ended_at desc nulls last limit 1)::float8
              from chaos_experiments""";

    private final DataSource pool;

    public BusinessGauges(DataSource pool) {
        this.pool = pool;
    }

    public record SopCount(String sopId, String status, long executions) {}

    /** @param avgConfidence the mean confidence over the last 30 days, or null when the agent has no row in them */
    public record AgentFigures(String agentId, Double avgConfidence, long escalations, long eventsProcessed) {}

    /**
     * @param lastResilienceScore 1 − degradation of the latest completed chaos experiment, or null when none
     */
    public record Figures(
            long approvalsPending,
            long approvalsOverdue,
            List<SopCount> sopExecutions,
            List<AgentFigures> agents,
            long chaosRunning,
            Double lastResilienceScore) {}

    public Figures read() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                long pending;
                long overdue;
                try (var rs = s.executeQuery(APPROVALS)) {
                    rs.next();
                    pending = rs.getLong(1);
                    overdue = rs.getLong(2);
                }
                var sops = new ArrayList<SopCount>();
                try (var rs = s.executeQuery(SOP_EXECUTIONS)) {
                    while (rs.next()) {
                        sops.add(new SopCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
                var agents = new ArrayList<AgentFigures>();
                try (var rs = s.executeQuery(AGENTS)) {
                    while (rs.next()) {
                        double confidence = rs.getDouble(2);
                        Double recent = rs.wasNull() ? null : confidence;
                        agents.add(new AgentFigures(rs.getString(1), recent, rs.getLong(3), rs.getLong(4)));
                    }
                }
                long running;
                Double score;
                try (var rs = s.executeQuery(CHAOS)) {
                    rs.next();
                    running = rs.getLong(1);
                    double value = rs.getDouble(2);
                    score = rs.wasNull() ? null : value;
                }
                return new Figures(pending, overdue, sops, agents, running, score);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setReadOnly(false);
            }
        }
    }
}

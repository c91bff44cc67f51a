package com.bigbox.postgres.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The operational figures the seed's tables answer for the whole cluster, read in one short
 * transaction: approvals pending and overdue, SOP executions by outcome, agents' confidence and
 * escalations over 30 days, and the chaos experiments' resilience scores.
 */
public final class BusinessGauges {
    private static final String APPROVALS = """
            select count(*) filter (where status = 'pending'),
                   count(*) filter (where status = 'pending' and timeout_at < now())
              from human_approvals""";

    private static final String SOP_EXECUTIONS = """
            select sop_id, status, count(*) from sop_executions group by sop_id, status order by sop_id, status""";

    private static final String AGENTS = """
            select agent_id, coalesce(avg(avg_confidence), 0)::float8, coalesce(sum(human_escalations), 0),
                   coalesce(sum(events_processed), 0)
              from agent_metrics
             where window_start >= now() - interval '30 days'
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

    public record AgentFigures(String agentId, double avgConfidence, long escalations, long eventsProcessed) {}

    /**
     * @param lastResilienceScore 1 − degradation of the latest completed chaos experiment, or null when none
     */
    public record Figures(long approvalsPending, long approvalsOverdue, List<SopCount> sopExecutions,
            List<AgentFigures> agents, long chaosRunning, Double lastResilienceScore) {}

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
                        agents.add(new AgentFigures(rs.getString(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4)));
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

package com.bigbox.postgres.metrics;

import com.bigbox.postgres.SqlResource;
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
    private static final String APPROVALS = SqlResource.load(BusinessGauges.class, "approvals_pending");
    private static final String SOP_EXECUTIONS = SqlResource.load(BusinessGauges.class, "sop_executions_by_status");
    private static final String AGENTS = SqlResource.load(BusinessGauges.class, "agent_figures");
    private static final String CHAOS = SqlResource.load(BusinessGauges.class, "chaos_resilience");

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

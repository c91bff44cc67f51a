package com.bigbox.postgres.chaos;

import com.bigbox.autonomic.chaos.ProtectedEventTypes;
import com.bigbox.postgres.SqlResource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the agents and approvals did with a chaos run's leads, read from the log and the approval
 * queue: for the steady-state probes of the experiments that fault the agents (the original engine's
 * delay_event, drop_event, lower_confidence, simulate_agent_failure and simulate_human_absence).
 */
public final class AgentProbes {
    /** Below it no agent's decision may execute without a person (the lowest shipped threshold). */
    public static final double LOWEST_THRESHOLD = 0.75;

    private static final String LEAD_FLOWS = SqlResource.load(AgentProbes.class, "probe_lead_flows");
    private static final String PROTECTED = SqlResource.load(AgentProbes.class, "probe_protected_events");
    private static final String ABSENT_ROLE = SqlResource.load(AgentProbes.class, "probe_absent_role");
    private static final String PENDING_FOR_ROLE = SqlResource.load(AgentProbes.class, "probe_pending_for_role");

    private final DataSource pool;

    public AgentProbes(DataSource pool) {
        this.pool = pool;
    }

    /**
     * The run's leads: how many the intake agent qualified, how many a drop fault accounts for, how many
     * are unaccounted for (neither), qualified twice, decided without Oversight's verdict, executed below
     * the lowest threshold, and how many decisions a lower_confidence fault lowered (and of those below the
     * lowest threshold, how many did not go to a person: none may).
     */
    public Map<String, Object> leadFlows(Collection<UUID> correlations, UUID experimentId) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(LEAD_FLOWS)) {
                s.setArray(1, c.createArrayOf("uuid", correlations.toArray()));
                s.setObject(2, experimentId);
                s.setDouble(3, LOWEST_THRESHOLD);
                s.setDouble(4, LOWEST_THRESHOLD);
                return withAnomalies(
                        one(s),
                        "unaccounted",
                        "duplicated",
                        "ungoverned",
                        "governed_twice",
                        "low_confidence_executed",
                        "lowered_not_sent_to_people");
            }
        });
    }

    /** Faults of this run that touched a protected event type (never allowed), and the run's protected events. */
    public Map<String, Object> protectedUntouched(UUID experimentId, Collection<UUID> runEvents) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(PROTECTED)) {
                Array types = c.createArrayOf("text", ProtectedEventTypes.TYPES.toArray());
                s.setObject(1, experimentId);
                s.setArray(2, types);
                s.setArray(3, c.createArrayOf("uuid", runEvents.toArray()));
                s.setArray(4, types);
                s.setObject(5, experimentId);
                return one(s);
            }
        });
    }

    /** The approvals of the run's flows that were first given to {@code role}, and how each ended. */
    public Map<String, Object> absentRoleApprovals(
            UUID experimentId, String role, Collection<UUID> correlations, Duration grace) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(ABSENT_ROLE)) {
                s.setObject(1, experimentId);
                s.setString(2, role);
                s.setArray(3, c.createArrayOf("uuid", correlations.toArray()));
                s.setString(4, role);
                s.setString(5, grace.toMillis() + " milliseconds");
                s.setString(6, grace.toMillis() + " milliseconds");
                return withAnomalies(one(s), "lost", "answered_while_absent");
            }
        });
    }

    /** Pending approvals of the run's flows that {@code role} holds now. */
    public List<UUID> pendingFor(String role, Collection<UUID> correlations) {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(PENDING_FOR_ROLE)) {
                s.setString(1, role);
                s.setArray(2, c.createArrayOf("uuid", correlations.toArray()));
                var ids = new java.util.ArrayList<UUID>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    // What must be zero for the hypothesis to hold, summed as "anomalies" (the shape of the total check).
    private static Map<String, Object> withAnomalies(Map<String, Object> figures, String... mustBeZero) {
        long anomalies = 0;
        for (String name : mustBeZero) {
            anomalies += (Long) figures.get(name);
        }
        figures.put("anomalies", anomalies);
        return figures;
    }

    private static Map<String, Object> one(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            var row = new LinkedHashMap<String, Object>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getLong(i));
            }
            return row;
        }
    }
}

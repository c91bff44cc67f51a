package com.bigbox.postgres.chaos;

import com.bigbox.autonomic.chaos.ProtectedEventTypes;
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

    // Per flow of the run: its qualification(s), whether Oversight ruled on each, and what the faults did.
    private static final String LEAD_FLOWS = """
            with flows as (select unnest(?::uuid[]) as correlation_id),
            hits as (select h.event_id, h.subscription, h.effect from chaos_fault_hits h join chaos_faults f using (fault_id)
                      where f.experiment_id = ?),
            decisions as (
              select e.event_id, e.correlation_id, e.causation_id, e.confidence, e.event_type from events e join flows using (correlation_id)
               where e.event_type in ('LEAD_QUALIFIED', 'LEAD_DISQUALIFIED') and e.emitted_by = 'IntakeAgent'),
            verdicts as (
              select d.event_id,
                     bool_or(v.event_type = 'AUTONOMIC_DECISION_EXECUTED') as executed,
                     bool_or(v.event_type in ('HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')) as to_people,
                     count(v.event_id) as verdicts
                from decisions d left join events v on v.causation_id = d.event_id
                 and v.event_type in ('AUTONOMIC_DECISION_EXECUTED', 'HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')
               group by d.event_id),
            per_flow as (
              select f.correlation_id,
                     (select count(*) from decisions d where d.correlation_id = f.correlation_id) as qualifications,
                     exists (select 1 from events i join hits h on h.event_id = i.event_id and h.effect = 'dropped'
                              where i.correlation_id = f.correlation_id) as dropped
                from flows f)
            select (select count(*) from flows) as leads,
                   (select count(*) from per_flow where qualifications > 0) as qualified,
                   (select count(*) from per_flow where dropped) as touched_by_drop,
                   (select count(*) from per_flow where qualifications = 0 and not dropped) as unaccounted,
                   (select count(*) from per_flow where qualifications > 1) as duplicated,
                   (select count(*) from verdicts where verdicts = 0
                       and not exists (select 1 from hits h where h.event_id = verdicts.event_id and h.effect = 'dropped')) as ungoverned,
                   (select count(*) from verdicts where verdicts > 1) as governed_twice,
                   (select count(*) from verdicts where to_people) as sent_to_people,
                   (select count(*) from verdicts where executed) as executed,
                   (select count(*) from verdicts v join decisions d using (event_id) where v.executed and d.confidence < ?)
                       as low_confidence_executed,
                   (select count(*) from decisions d
                     where exists (select 1 from hits h where h.event_id = d.causation_id and h.effect = 'confidence_lowered'))
                       as lowered,
                   (select count(*) from decisions d join verdicts v using (event_id)
                     where not v.to_people and d.confidence < ?
                       and exists (select 1 from hits h where h.event_id = d.causation_id and h.effect = 'confidence_lowered'))
                       as lowered_not_sent_to_people,
                   (select count(*) from events m join flows using (correlation_id) where m.event_type = 'MEETING_SCHEDULED')
                       as meetings""";

    private static final String PROTECTED = """
            select (select count(*) from chaos_fault_hits h join chaos_faults f using (fault_id)
                      join events e on e.event_id = h.event_id
                     where f.experiment_id = ? and e.event_type = any(?)) as protected_hits,
                   (select count(*) from events where event_id = any(?::uuid[]) and event_type = any(?)) as protected_events,
                   (select count(*) from chaos_fault_hits h join chaos_faults f using (fault_id) where f.experiment_id = ?) as hits""";

    // Approvals of the run's flows that went to the absent role, and what became of each.
    private static final String ABSENT_ROLE = """
            with fault as (select min(starts_at) as starts_at, max(ends_at) as ends_at from chaos_faults
                            where experiment_id = ? and kind = 'simulate_human_absence' and target_role = ?),
            held as (
              select a.* from human_approvals a
               where a.correlation_id = any(?::uuid[])
                 and exists (select 1 from events r where r.aggregate_type = 'APPROVAL' and r.aggregate_id = a.approval_id::text
                                and r.event_type in ('HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')
                                and r.payload ->> 'assigned_role' = ?))
            select count(*) as held,
                   count(*) filter (where resolution = 'approved_by_silence') as approved_by_silence,
                   count(*) filter (where escalation_level > 0) as escalated,
                   count(*) filter (where status = 'pending' and timeout_at >= now() - ?::interval) as waiting_in_time,
                   count(*) filter (where resolution = 'expired') as expired,
                   count(*) filter (where resolved_by is not null and resolved_by not like 'system:%'
                                      and resolved_at >= (select starts_at from fault) and resolved_at < (select ends_at from fault))
                       as answered_while_absent,
                   count(*) filter (where status = 'pending' and timeout_at < now() - ?::interval) as lost
              from held""";

    private static final String PENDING_FOR_ROLE = """
            select approval_id from human_approvals
             where status = 'pending' and assigned_role = ? and correlation_id = any(?::uuid[]) order by created_at""";

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

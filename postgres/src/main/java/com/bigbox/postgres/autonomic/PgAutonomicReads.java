package com.bigbox.postgres.autonomic;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read models the API serves as stored: {@code agent_metrics}, {@code client_health}, SOP execution
 * figures, and the event views of the original engine's API. Run in the caller's transaction (RLS).
 */
public final class PgAutonomicReads {
    private static final String AGENT_METRICS = """
            select agent_id, window_start, window_end, events_processed, events_emitted, human_escalations, avg_confidence,
                   confidence_variance, automation_rate, human_hours_saved, decisions, autonomous_decisions,
                   approvals_agreed, approvals_overridden, approvals_rejected
              from agent_metrics
             where (?::text is null or agent_id = ?) and (?::timestamptz is null or window_start >= ?)
             order by window_start desc, agent_id
             limit ?""";

    // The seed's "Agent performance" figures per agent, over the windows since a time.
    private static final String AGENT_PERFORMANCE = """
            select agent_id, sum(events_processed) as events_processed, sum(events_emitted) as events_emitted,
                   sum(human_escalations) as human_escalations, round(avg(avg_confidence), 2) as avg_confidence,
                   round(avg(automation_rate), 2) as automation_rate, sum(human_hours_saved) as human_hours_saved,
                   sum(approvals_agreed) as approvals_agreed, sum(approvals_overridden) as approvals_overridden,
                   sum(approvals_rejected) as approvals_rejected
              from agent_metrics
             where window_start >= ? and (?::text is null or agent_id = ?)
             group by agent_id order by agent_id""";

    private static final String CLIENT_HEALTH = """
            select client_id, last_event_at, events_last_30d, meetings_last_30d, avg_response_time_hours, quality_score,
                   nps_score, revenue_30d, margin_30d, trust_score, automation_rate, proactive_interventions, health_status,
                   health_reasons, updated_at
              from client_health
             where (?::text is null or health_status = ?) and (?::text is null or client_id = ?)
             order by client_id
             limit ?""";

    // The seed's "SOP execution metrics" query, with the targets the SOPs set.
    private static final String SOP_METRICS = """
            select x.sop_id, count(*) as executions, round(avg(x.cycle_time_hours), 2) as avg_cycle_time_hours,
                   round(avg(x.automation_rate), 2) as avg_automation_rate, round(sum(x.human_hours), 2) as human_hours,
                   round(sum(x.estimated_cost), 2) as total_cost,
                   max((d.definition -> 'metrics' ->> 'cycle_time_target_hours')) as cycle_time_target_hours,
                   max((d.definition -> 'metrics' ->> 'automation_rate_target')) as automation_rate_target,
                   max((d.definition -> 'metrics' ->> 'cost_per_execution_target')) as cost_per_execution_target
              from sop_executions x
              left join sop_definitions d on d.sop_id = x.sop_id and d.version = x.sop_version
             where x.status = 'completed' and (?::text is null or x.sop_id = ?)
             group by x.sop_id order by x.sop_id""";

    public List<Map<String, Object>> agentMetrics(UnitOfWork work, String agentId, Instant since, int limit) {
        return Jdbc.maps(work, AGENT_METRICS, s -> {
            s.setString(1, agentId);
            s.setString(2, agentId);
            s.setTimestamp(3, Jdbc.timestamp(since));
            s.setTimestamp(4, Jdbc.timestamp(since));
            s.setInt(5, limit);
        });
    }

    public List<Map<String, Object>> agentPerformance(UnitOfWork work, String agentId, Instant since) {
        return Jdbc.maps(work, AGENT_PERFORMANCE, s -> {
            s.setTimestamp(1, Jdbc.timestamp(since));
            s.setString(2, agentId);
            s.setString(3, agentId);
        });
    }

    public List<Map<String, Object>> clientHealth(UnitOfWork work, String status, int limit) {
        return Jdbc.maps(work, CLIENT_HEALTH, s -> {
            s.setString(1, status);
            s.setString(2, status);
            s.setString(3, null);
            s.setString(4, null);
            s.setInt(5, limit);
        });
    }

    public Optional<Map<String, Object>> clientHealth(UnitOfWork work, String clientId) {
        return Jdbc.maps(work, CLIENT_HEALTH, s -> {
                    s.setString(1, null);
                    s.setString(2, null);
                    s.setString(3, clientId);
                    s.setString(4, clientId);
                    s.setInt(5, 1);
                })
                .stream()
                .findFirst();
    }

    public List<Map<String, Object>> sopMetrics(UnitOfWork work, String sopId) {
        return Jdbc.maps(work, SOP_METRICS, s -> {
            s.setString(1, sopId);
            s.setString(2, sopId);
        });
    }
}

-- The seed guide's key queries, as this engine answers them. Tests run them (the SOP metrics and
-- agent performance figures must be right; backup -> restore -> replay must return the same rows)
-- and the dashboard shows them. Each query is separated by a line starting with "-- name:".

-- name: recent_events
select event_type, aggregate_type, aggregate_id, emitted_by, confidence, "timestamp"
  from events
 order by "timestamp" desc, global_position desc
 limit 20;

-- name: event_counts_by_type
select event_type, count(*) as events
  from events
 group by event_type
 order by event_type;

-- name: pending_approvals
select approval_id, agent_id, recommended_action, confidence, timeout_at, created_at
  from human_approvals
 where status = 'pending'
 order by created_at;

-- name: sop_execution_metrics
select sop_id,
       count(*) as executions,
       round(avg(cycle_time_hours), 2) as avg_cycle_time_hours,
       round(avg(automation_rate), 2) as avg_automation_rate,
       round(sum(human_hours), 2) as human_hours,
       round(sum(estimated_cost), 2) as total_cost
  from sop_executions
 where status = 'completed'
 group by sop_id
 order by sop_id;

-- name: agent_performance_30d
select agent_id,
       sum(events_processed) as events_processed,
       sum(events_emitted) as events_emitted,
       sum(human_escalations) as human_escalations,
       round(avg(avg_confidence), 2) as avg_confidence,
       round(avg(automation_rate), 2) as automation_rate
  from agent_metrics
 where window_start >= now() - interval '30 days'
 group by agent_id
 order by agent_id;

-- name: client_health_at_risk
select client_id, health_status, trust_score, events_last_30d, revenue_30d
  from client_health
 where health_status <> 'healthy'
 order by client_id;

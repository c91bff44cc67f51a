select execution_id, sop_id, sop_version, correlation_id, client_id, trigger_event_id, started_at, completed_at,
       status, cycle_time_hours, total_steps, automated_steps, automation_rate, human_hours, estimated_cost,
       quality_score, outcome::text as outcome, corrections
  from sop_executions where execution_id = ?

insert into sop_executions (execution_id, sop_id, sop_version, correlation_id, client_id, trigger_event_id,
    started_at, completed_at, status, cycle_time_hours, total_steps, automated_steps, automation_rate,
    human_hours, estimated_cost, quality_score, outcome, corrections, updated_at)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
on conflict (execution_id) do update set
    completed_at = excluded.completed_at, status = excluded.status, cycle_time_hours = excluded.cycle_time_hours,
    total_steps = excluded.total_steps, automated_steps = excluded.automated_steps,
    automation_rate = excluded.automation_rate, human_hours = excluded.human_hours,
    estimated_cost = excluded.estimated_cost, quality_score = excluded.quality_score,
    outcome = excluded.outcome, corrections = excluded.corrections, updated_at = excluded.updated_at

insert into sop_execution_steps (execution_id, step_id, position, name, automation_level, status, required,
    automated, human_minutes, cost, task_id, ready_at, completed_at, completing_event_id, completing_event_type,
    client_id)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict (execution_id, step_id) do update set
    status = excluded.status, required = excluded.required, automated = excluded.automated,
    human_minutes = excluded.human_minutes, cost = excluded.cost, task_id = excluded.task_id,
    ready_at = excluded.ready_at, completed_at = excluded.completed_at,
    completing_event_id = excluded.completing_event_id, completing_event_type = excluded.completing_event_type

select step_id, position, name, automation_level, status, required, automated, human_minutes, cost, task_id,
       ready_at, completed_at, completing_event_id, completing_event_type
  from sop_execution_steps where execution_id = ? order by position

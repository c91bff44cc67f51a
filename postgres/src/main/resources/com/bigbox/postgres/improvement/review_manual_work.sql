-- Manual work: SOP steps a person did and tasks people created by hand, against all steps and those tasks.
with steps as (
  select count(*) filter (where not s.automated) as manual, count(*) as total
    from sop_execution_steps s
   where s.status = 'completed' and s.completed_at >= ? and s.completed_at < ?
), tasks as (
  select count(*) as manual
    from events
   where event_type = 'TASK_CREATED' and "timestamp" >= ? and "timestamp" < ?
     and emitted_by <> all(?) and emitted_by not like 'loop:%' and emitted_by not like 'system%'
     and emitted_by not like 'Sop%' and payload->>'sop_execution_id' is null
)
select steps.manual + tasks.manual, steps.total + tasks.manual from steps, tasks

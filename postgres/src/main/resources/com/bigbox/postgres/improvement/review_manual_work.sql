-- Manual work: SOP steps a person did and tasks people created by hand, against all steps and those tasks.
-- The tasks are counted from the per-day projection (event_counts_between), not from the log's events.
with steps as (
  select count(*) filter (where not s.automated) as manual, count(*) as total
    from sop_execution_steps s
   where s.status = 'completed' and s.completed_at >= ? and s.completed_at < ?
), tasks as (
  select coalesce(sum(c.events), 0) as manual
    from event_counts_between(?, ?) c
   where c.event_type = 'TASK_CREATED' and not c.in_sop
     and c.emitted_by <> all(?) and c.emitted_by not like 'loop:%' and c.emitted_by not like 'system%'
     and c.emitted_by not like 'Sop%'
)
select steps.manual + tasks.manual, steps.total + tasks.manual from steps, tasks

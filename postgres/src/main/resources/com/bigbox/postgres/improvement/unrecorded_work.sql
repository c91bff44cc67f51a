-- Completed tasks whose task never had a TASK_CREATED: work done outside the log.
select c.event_id, c.aggregate_id as task_id, c.emitted_by, c."timestamp" as at,
       coalesce(c.metadata->>'justification', c.payload->>'justification') as justification
  from events c
 where c.event_type = 'TASK_COMPLETED' and c."timestamp" >= ?
   and not exists (select 1 from events t
                    where t.event_type = 'TASK_CREATED' and t.aggregate_type = c.aggregate_type
                      and t.aggregate_id = c.aggregate_id)
 order by c."timestamp"

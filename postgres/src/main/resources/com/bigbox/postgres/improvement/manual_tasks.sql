-- Tasks created by a person: not by an agent, a loop, the engine, nor for an SOP's human step.
select event_id, aggregate_id as task_id,
       coalesce(nullif(payload->>'reason', ''), nullif(metadata->>'reason', ''), metadata->'tags'->>0,
                lower(coalesce(payload->>'title', 'untitled'))) as kind,
       emitted_by, "timestamp" as at,
       coalesce((payload->>'estimated_minutes')::numeric, (metadata->>'estimated_minutes')::numeric) as minutes,
       coalesce(metadata->>'justification', payload->>'justification') as justification
  from events
 where event_type = 'TASK_CREATED' and "timestamp" >= ?
   and emitted_by <> all(?) and emitted_by not like 'loop:%' and emitted_by not like 'system%'
   and emitted_by not like 'Sop%' and payload->>'sop_execution_id' is null
 order by "timestamp", event_id

-- A client's projects, folded from their events.
select aggregate_id as project_id,
       (array_agg(event_type order by sequence_number desc))[1] as last_event,
       max(payload ->> 'service_type') as service_type,
       max(case when jsonb_typeof(payload -> 'budget') = 'number' then (payload ->> 'budget')::numeric end) as budget,
       min("timestamp") filter (where event_type = 'PROJECT_STARTED') as started_at,
       min("timestamp") filter (where event_type = 'PROJECT_COMPLETED') as completed_at,
       count(*) filter (where event_type = 'PROJECT_AT_RISK') as risk_flags,
       case when bool_or(event_type = 'PROJECT_COMPLETED') then 'completed'
            when bool_or(event_type = 'PROJECT_STARTED') then 'in_progress'
            else 'proposed' end as status
  from events
 where aggregate_type = 'PROJECT' and payload ->> 'client_id' = ?
 group by aggregate_id order by min("timestamp")

-- Completed meetings that say whether the client attended.
select event_id, coalesce(payload->>'client_id', metadata->>'client_id') as client_id,
       (payload->>'attended')::boolean as attended, "timestamp" as at
  from events
 where event_type = 'MEETING_COMPLETED' and payload->'attended' is not null and "timestamp" >= ?
 order by "timestamp"

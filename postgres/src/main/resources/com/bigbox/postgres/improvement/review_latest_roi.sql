-- The latest month's automation return on investment calculated before the given time.
select payload->>'month' as month, (payload->>'roi')::double precision as roi
  from events
 where event_type = 'AUTOMATION_ROI_CALCULATED' and "timestamp" < ?
 order by global_position desc
 limit 1

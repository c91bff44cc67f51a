select event_id, emitted_by, confidence, "timestamp" as at
  from events
 where emitted_by = any(?) and confidence is not null and "timestamp" >= ?
 order by "timestamp"

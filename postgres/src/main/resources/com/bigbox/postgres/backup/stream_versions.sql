-- The versions of the streams named by two parallel arrays (types, ids); a stream with no events has no row.
select s.aggregate_type, s.aggregate_id, s.version
  from event_streams s
  join unnest(?::text[], ?::text[]) as wanted(aggregate_type, aggregate_id) using (aggregate_type, aggregate_id)

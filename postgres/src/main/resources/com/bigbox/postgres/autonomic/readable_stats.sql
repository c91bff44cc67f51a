-- The log's totals counted from the events the caller may read (under its policies: a client's own).
select count(*) as total_events,
       count(distinct correlation_id) as flows,
       round(avg(confidence), 2) as avg_confidence,
       count(*) filter (where "timestamp" > ?::timestamptz - interval '24 hours') as last_24h,
       count(*) filter (where metadata ->> 'requires_human' = 'true') as requiring_human,
       min("timestamp") as first_event_at, max("timestamp") as last_event_at
  from events

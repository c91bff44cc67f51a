-- A delivery's last event; dead when it is a failure that gave up.
select * from (select distinct on (aggregate_id) aggregate_id, event_type, payload, "timestamp"
                 from events where aggregate_type = 'NOTIFICATION' and (?::text is null or aggregate_id = ?)
                order by aggregate_id, sequence_number desc) last
 where event_type = 'NOTIFICATION_FAILED' and (payload ->> 'dead_lettered')::boolean
 order by "timestamp" desc limit ?

-- The ids of the events POST /api/events/query asks for (an empty type list or a null filter matches all),
-- newest first.
select event_id from events
 where (cardinality(?::text[]) = 0 or event_type = any(?::text[]))
   and (?::text is null or aggregate_type = ?) and (?::text is null or aggregate_id = ?)
   and (?::text is null or emitted_by = ?) and (?::uuid is null or correlation_id = ?)
   and (?::text is null or payload ->> 'client_id' = ?)
   and (?::timestamptz is null or "timestamp" >= ?) and (?::timestamptz is null or "timestamp" < ?)
   and (?::numeric is null or confidence >= ?)
 order by "timestamp" desc, global_position desc
 limit ?

-- The events POST /api/events/query asks for (an empty type list or a null filter matches all), newest
-- first, in one statement: the columns EventRows maps, in its order (reading ids, then each event by id, made
-- 51 round trips of a page of 50, and 122 ms p50 at 1,000,000 events in the bench's history phase).
select event_id, event_type, aggregate_type, aggregate_id, sequence_number,
       transaction_seq, global_position, payload::text as payload,
       metadata::text as metadata, correlation_id, causation_id, emitted_by, confidence,
       "timestamp", created_at
  from events
 where (cardinality(?::text[]) = 0 or event_type = any(?::text[]))
   and (?::text is null or aggregate_type = ?) and (?::text is null or aggregate_id = ?)
   and (?::text is null or emitted_by = ?) and (?::uuid is null or correlation_id = ?)
   and (?::text is null or payload ->> 'client_id' = ?)
   and (?::timestamptz is null or "timestamp" >= ?) and (?::timestamptz is null or "timestamp" < ?)
   and (?::numeric is null or confidence >= ?)
 order by "timestamp" desc, global_position desc
 limit ?

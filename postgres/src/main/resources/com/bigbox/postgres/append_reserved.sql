-- Several events on the engine's own connection: events_reserve(type, id, count, expected version) reserves their
-- numbers once, instead of the trigger bumping the stream's version row per event. The events come as parallel
-- arrays, in order; only the generated columns come back.
with r as materialized (select events_reserve(?, ?, ?, ?) as first)
insert into events (event_id, event_type, correlation_id, causation_id, aggregate_type, aggregate_id,
                    sequence_number, payload, metadata, emitted_by, confidence, "timestamp")
select e.event_id, e.event_type, e.correlation_id, e.causation_id, ?, ?, r.first + e.ord - 1,
       e.payload::jsonb, e.metadata::jsonb, e.emitted_by, e.confidence, coalesce(e.happened_at, now())
  from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::numeric[],
              ?::timestamptz[]) with ordinality
       as e(event_id, event_type, correlation_id, causation_id, payload, metadata, emitted_by, confidence,
            happened_at, ord), r order by e.ord
returning event_id, sequence_number, transaction_seq, global_position, "timestamp", created_at

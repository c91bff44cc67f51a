-- Several events in a caller's transaction (row-level security, no right to reserve numbers): the trigger numbers
-- them (the expected version + their place, or null). The events come as parallel arrays, in order; only the
-- generated columns come back.
insert into events (event_id, event_type, correlation_id, causation_id, aggregate_type, aggregate_id,
                    sequence_number, payload, metadata, emitted_by, confidence, "timestamp")
select e.event_id, e.event_type, e.correlation_id, e.causation_id, ?, ?, ? + e.ord,
       e.payload::jsonb, e.metadata::jsonb, e.emitted_by, e.confidence, coalesce(e.happened_at, now())
  from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::numeric[],
              ?::timestamptz[]) with ordinality
       as e(event_id, event_type, correlation_id, causation_id, payload, metadata, emitted_by, confidence,
            happened_at, ord) order by e.ord
returning event_id, sequence_number, transaction_seq, global_position, "timestamp", created_at

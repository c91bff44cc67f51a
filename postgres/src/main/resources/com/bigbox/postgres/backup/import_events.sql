-- Stores exported JSON lines as they were: ids, streams, sequence numbers, timestamps, correlation and causation.
insert into events (event_id, event_type, correlation_id, causation_id, aggregate_type, aggregate_id,
                    sequence_number, payload, metadata, emitted_by, confidence, "timestamp", created_at)
select (l->>'event_id')::uuid, l->>'event_type', (l->>'correlation_id')::uuid, (l->>'causation_id')::uuid,
       l->>'aggregate_type', l->>'aggregate_id', (l->>'sequence_number')::bigint,
       coalesce(l->'payload', '{}'::jsonb), coalesce(l->'metadata', '{}'::jsonb),
       coalesce(l->>'emitted_by', 'import'), (l->>'confidence')::numeric,
       (l->>'timestamp')::timestamptz, coalesce((l->>'created_at')::timestamptz, now())
  from unnest(?::text[]) with ordinality as t(line, n)
  cross join lateral (select t.line::jsonb) as j(l)
 order by t.n

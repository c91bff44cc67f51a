-- Less index work per inserted event (docs/ordering.md, "The write path"). Every index of events is
-- paid by every insert; each one left names the query it serves.
--
-- 1. idx_events_emitted_by (emitted_by) is a prefix of idx_events_emitted_by_time (emitted_by,
--    "timestamp"): every query by emitter (projected_count_by_emitter.sql, readable_count_by_emitter.sql,
--    agent_window.sql, the seed's "events by agent") is served by the pair as well. The single column
--    goes; the pair takes the seed's name, so the seed's index list (SchemaContractIT) still holds.
drop index if exists public.idx_events_emitted_by;
alter index if exists public.idx_events_emitted_by_time rename to idx_events_emitted_by;

-- 2. Ids that do not name the moment: the seed's default (gen_random_uuid(), version 4) puts every new
--    row on a random leaf of the primary key (and of idx_events_correlation, since correlation_id
--    defaults to the event's id), so with a large history each insert dirties a page no other insert
--    shares and writes it whole to the WAL after a checkpoint. The engine sends time-ordered ids
--    (UUID version 7, core's Uuids); psql writers, PostgREST and append_event() now get them too.
--    PostgreSQL 15 has no uuidv7(): this is a version 4 id whose first 48 bits are replaced by the Unix
--    milliseconds and whose version nibble is set from 4 to 7 (bits 52 and 53). It is written out here,
--    not a function of ours, so that no role needs a new grant to insert.
alter table public.events
  alter column event_id set default encode(pg_catalog.set_bit(pg_catalog.set_bit(overlay(
      pg_catalog.uuid_send(pg_catalog.gen_random_uuid())
      placing substring(pg_catalog.int8send((extract(epoch from pg_catalog.clock_timestamp()) * 1000)::bigint)
                                   from 3)
      from 1 for 6), 52, 1), 53, 1), 'hex')::uuid;

-- As V1's, but with a time-ordered id (the expression above; not read back with RETURNING, which row-level
-- security would check against the caller's read policy).
create or replace function public.append_event(
  p_event_type text,
  p_correlation_id uuid,
  p_causation_id uuid,
  p_aggregate_type text,
  p_aggregate_id text,
  p_payload jsonb,
  p_metadata jsonb,
  p_emitted_by text,
  p_confidence numeric default null,
  p_expected_version bigint default null
) returns uuid
  language plpgsql
  as $$
declare
  new_id uuid := encode(pg_catalog.set_bit(pg_catalog.set_bit(overlay(
      pg_catalog.uuid_send(pg_catalog.gen_random_uuid())
      placing substring(pg_catalog.int8send((extract(epoch from pg_catalog.clock_timestamp()) * 1000)::bigint)
                                   from 3)
      from 1 for 6), 52, 1), 53, 1), 'hex')::uuid;
begin
  insert into public.events (event_id, event_type, correlation_id, causation_id, aggregate_type,
                             aggregate_id, sequence_number, payload, metadata, emitted_by, confidence)
  values (new_id, p_event_type, coalesce(p_correlation_id, new_id), p_causation_id, p_aggregate_type,
          p_aggregate_id, p_expected_version + 1, coalesce(p_payload, '{}'::jsonb),
          coalesce(p_metadata, '{}'::jsonb), coalesce(p_emitted_by, 'sql'), p_confidence);
  return new_id;
end
$$;

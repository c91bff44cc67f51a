-- A multi-row insert writes each stream's version row once per run of its events, not once per event
-- (docs/ordering.md, "The write path"). Until now every row that the trigger numbered upserted
-- event_streams: an INSERT ... SELECT of 10 events per stream updated each stream's row 10 times in
-- one transaction, and each update of a row this transaction already updated walks its chain of
-- versions (a row updated n times costs O(n^2)).
--
-- Now the trigger remembers, in two transaction-local settings, the last stream it numbered in this
-- transaction and that stream's version:
--   bigbox.streak     the stream's key: xid/length(aggregate_type)/aggregate_type||aggregate_id (the
--                     length makes the key unambiguous whatever the names contain)
--   bigbox.streak_at  'stored current': the version in event_streams, and the version numbered since
-- The next row of the same stream in the same transaction is numbered from the setting: this
-- transaction holds that row's lock since its upsert, so nobody else can have moved the version. The row
-- is written back (once) when a row of another stream comes, and at the end of the statement
-- (events_streak_end, a statement trigger that runs only when something is left to write). Every rule
-- stays: a named sequence_number is the expected version + 1 and must be the next one (PT409 otherwise),
-- versions are dense, and the row's lock is taken at the stream's first event, as before.
-- events_reserve, the only other writer of a version, forgets the streak.
create or replace function public.events_before_insert() returns trigger
  language plpgsql
  security definer
  as $$
declare
  next_version bigint;
  xid text := pg_catalog.pg_current_xact_id()::text;
  reserved text := pg_catalog.current_setting('bigbox.reserved', true);
  mine text := pg_catalog.current_setting('bigbox.transaction_seq', true);
  streak text := pg_catalog.current_setting('bigbox.streak', true);
  key text := pg_catalog.concat(xid, '/', pg_catalog.length(new.aggregate_type), '/', new.aggregate_type,
                                new.aggregate_id);
  at text;
begin
  if new.sequence_number is not null and reserved is not null
     and pg_catalog.starts_with(reserved, pg_catalog.concat_ws(pg_catalog.chr(31),
              xid, new.aggregate_type, new.aggregate_id, ''))
     and new.sequence_number <= pg_catalog.split_part(reserved, pg_catalog.chr(31), 4)::bigint then
    -- Numbered by events_reserve in this transaction.
    if new.sequence_number = 1 and new.payload ? 'client_id' then
      -- events_reserve created the stream without knowing its first payload.
      update public.event_streams set client_id = new.payload ->> 'client_id'
       where aggregate_type = new.aggregate_type and aggregate_id = new.aggregate_id and client_id is null;
    end if;
  else
    at := pg_catalog.current_setting('bigbox.streak_at', true);
    if streak = key then
      next_version := pg_catalog.split_part(at, ' ', 2)::bigint + 1;
      at := pg_catalog.concat(pg_catalog.split_part(at, ' ', 1), ' ', next_version);
    else
      if pg_catalog.starts_with(streak, xid || '/') then
        perform public.events_streak_store(streak, at);
      end if;
      insert into public.event_streams as s (aggregate_type, aggregate_id, version, client_id)
        values (new.aggregate_type, new.aggregate_id, 1, new.payload ->> 'client_id')
        on conflict (aggregate_type, aggregate_id)
        do update set version = s.version + 1, updated_at = pg_catalog.now()
        returning s.version into next_version;
      at := pg_catalog.concat(next_version, ' ', next_version);
      streak := pg_catalog.set_config('bigbox.streak', key, true);
    end if;
    if new.sequence_number is null then
      new.sequence_number := next_version;
    elsif new.sequence_number <> next_version then
      raise exception 'wrong expected version for %/%: expected version %, stream is at version %',
          new.aggregate_type, new.aggregate_id, new.sequence_number - 1, next_version - 1
        using errcode = 'PT409',
              hint = 'reload the stream and retry with its current version';
    end if;
    at := pg_catalog.set_config('bigbox.streak_at', at, true);
  end if;
  if pg_catalog.starts_with(mine, xid || ':') then
    new.transaction_seq := pg_catalog.split_part(mine, ':', 2)::bigint;
  else
    new.transaction_seq := public.events_transaction_seq();
  end if;
  if new.correlation_id is null then
    new.correlation_id := new.event_id;
  end if;
  return new;
end
$$;

-- Writes the streak's current version to its stream's row, if it moved since it was stored. The key
-- is xid/length/type||id (above).
create or replace function public.events_streak_store(p_streak text, p_at text) returns void
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  rest text := substr(p_streak, strpos(p_streak, '/') + 1);
  type_length integer := nullif(split_part(rest, '/', 1), '')::integer;
  names text := substr(rest, strpos(rest, '/') + 1);
  stored bigint := nullif(split_part(p_at, ' ', 1), '')::bigint;
  current bigint := nullif(split_part(p_at, ' ', 2), '')::bigint;
begin
  -- Nothing to store when there is no streak in this transaction (null or '') or it did not move.
  if current > stored and type_length is not null then
    update public.event_streams set version = current, updated_at = now()
     where aggregate_type = substr(names, 1, type_length) and aggregate_id = substr(names, type_length + 1);
    perform set_config('bigbox.streak_at', concat(current, ' ', current), true);
  end if;
end
$$;

revoke execute on function public.events_streak_store(text, text) from public;

create or replace function public.events_streak_end() returns trigger
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
begin
  perform public.events_streak_store(current_setting('bigbox.streak', true),
                                     current_setting('bigbox.streak_at', true));
  return null;
end
$$;

-- Evaluated once at the end of each insert statement, without a call into PL/pgSQL unless the streak's
-- version moved (a single-row insert leaves it stored, so it pays nothing here).
drop trigger if exists events_streak_end on public.events;
create trigger events_streak_end
  after insert on public.events
  for each statement
  when (pg_catalog.split_part(pg_catalog.current_setting('bigbox.streak_at', true), ' ', 1)
        <> pg_catalog.split_part(pg_catalog.current_setting('bigbox.streak_at', true), ' ', 2))
  execute function public.events_streak_end();

-- As V1's, and it forgets the streak: its own write of the version would otherwise be overwritten by a
-- streak of the same stream later in the transaction.
create or replace function public.events_reserve(
  p_aggregate_type text,
  p_aggregate_id text,
  p_count integer,
  p_expected_version bigint
) returns bigint
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  last_version bigint;
begin
  perform public.events_streak_store(current_setting('bigbox.streak', true),
                                     current_setting('bigbox.streak_at', true));
  perform set_config('bigbox.streak', '', true);
  insert into public.event_streams as s (aggregate_type, aggregate_id, version)
    values (p_aggregate_type, p_aggregate_id, p_count)
    on conflict (aggregate_type, aggregate_id)
    do update set version = s.version + p_count, updated_at = now()
    returning s.version into last_version;
  if p_expected_version is not null and last_version - p_count <> p_expected_version then
    raise exception 'wrong expected version for %/%: expected version %, stream is at version %',
        p_aggregate_type, p_aggregate_id, p_expected_version, last_version - p_count
      using errcode = 'PT409',
            hint = 'reload the stream and retry with its current version';
  end if;
  perform set_config('bigbox.reserved', concat_ws(chr(31), pg_current_xact_id()::text, p_aggregate_type,
                                                  p_aggregate_id, last_version), true);
  return last_version - p_count + 1;
end
$$;

select bigbox_access.declare_rules($rules$[
  ["public", "events_streak_store", "function", "", "", "", "", "", null],
  ["public", "events_streak_end",   "function", "", "", "", "", "", null]
]$rules$);

-- Big Box Autonomic Engine: the event-sourced core schema.
-- Keeps the seed engine's tables, columns and functions (the compatibility contract) and fixes its
-- defects. Runs unchanged on plain PostgreSQL 15+ and in a Supabase project's SQL editor: whatever
-- Supabase provides (roles, auth.jwt(), the realtime publication) is created only when absent.

-- Supabase's roles. service_role bypasses row-level security, as on Supabase. Roles belong to the
-- whole cluster, so two databases migrating at once may race to create them: the loser shrugs.
do $$
declare
  r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role']
  loop
    if not exists (select 1 from pg_roles where rolname = r) then
      begin
        execute format('create role %I nologin noinherit', r);
      exception when duplicate_object or unique_violation then
        null;
      end;
    end if;
  end loop;
  if not (select rolbypassrls from pg_roles where rolname = 'service_role') then
    alter role service_role bypassrls;
  end if;
end
$$;

-- The engine's own connection switches to these roles per request (SET LOCAL ROLE), as PostgREST does.
do $$
begin
  if not pg_has_role(current_user, 'anon', 'member') then
    execute format('grant anon to %I', current_user);
  end if;
  if not pg_has_role(current_user, 'authenticated', 'member') then
    execute format('grant authenticated to %I', current_user);
  end if;
  if not pg_has_role(current_user, 'service_role', 'member') then
    execute format('grant service_role to %I', current_user);
  end if;
end
$$;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- auth.jwt() and friends read the claims the API layer sets per transaction (request.jwt.claims).
do $$
begin
  if not exists (select 1 from pg_proc where proname = 'jwt' and pronamespace = 'auth'::regnamespace) then
    create function auth.jwt() returns jsonb
      language sql stable
      as $f$
        select coalesce(
          nullif(current_setting('request.jwt.claim', true), ''),
          nullif(current_setting('request.jwt.claims', true), ''),
          '{}')::jsonb
      $f$;
  end if;
  if not exists (select 1 from pg_proc where proname = 'uid' and pronamespace = 'auth'::regnamespace) then
    create function auth.uid() returns uuid
      language sql stable
      as $f$ select nullif(auth.jwt() ->> 'sub', '')::uuid $f$;
  end if;
  if not exists (select 1 from pg_proc where proname = 'role' and pronamespace = 'auth'::regnamespace) then
    create function auth.role() returns text
      language sql stable
      as $f$ select auth.jwt() ->> 'role' $f$;
  end if;
end
$$;

grant usage on schema public to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- events: the append-only log.
-- (transaction_seq, global_position) is the commit-safe global order (see docs/ordering.md):
-- transaction_seq numbers the writing transactions in the order they first wrote an event, and a
-- reader never passes the transaction_seq of a writer that is still open.
-- ---------------------------------------------------------------------------------------------
create sequence if not exists public.events_transaction_seq as bigint;

create table if not exists public.events (
  event_id        uuid primary key default gen_random_uuid(),
  event_type      text not null check (event_type <> '' and length(event_type) <= 200),
  correlation_id  uuid not null,
  causation_id    uuid,
  aggregate_type  text not null check (aggregate_type <> '' and length(aggregate_type) <= 200),
  aggregate_id    text not null check (aggregate_id <> '' and length(aggregate_id) <= 200),
  sequence_number bigint not null check (sequence_number >= 1),
  payload         jsonb not null default '{}'::jsonb,
  metadata        jsonb not null default '{}'::jsonb,
  emitted_by      text not null default 'sql' check (emitted_by <> ''),
  confidence      numeric(3,2) check (confidence >= 0 and confidence <= 1),
  "timestamp"     timestamptz not null default now(),
  created_at      timestamptz not null default now(),
  global_position bigint generated always as identity,
  transaction_id  xid8 not null default pg_current_xact_id(),
  transaction_seq bigint not null,
  -- The seed's unique (aggregate_type, aggregate_id, sequence_number) and its idx_events_aggregate
  -- (aggregate_type, aggregate_id) are one index here: its prefix serves every query the second
  -- would, and each index costs every insert.
  constraint idx_events_aggregate unique (aggregate_type, aggregate_id, sequence_number),
  constraint events_global_position_key unique (global_position),
  constraint events_payload_is_object check (jsonb_typeof(payload) = 'object'),
  constraint events_metadata_is_object check (jsonb_typeof(metadata) = 'object')
);

create index if not exists idx_events_timestamp on public.events ("timestamp" desc);
create index if not exists idx_events_type on public.events (event_type);
create index if not exists idx_events_correlation on public.events (correlation_id);
create index if not exists idx_events_emitted_by on public.events (emitted_by);
-- jsonb_path_ops: containment (payload @> '{"client_id": "c-1"}') at a fraction of the default
-- operator class's insert cost; key-existence operators (?, ?|, ?&) are not indexed.
create index if not exists idx_events_payload_gin on public.events using gin (payload jsonb_path_ops);
create index if not exists idx_events_commit_order on public.events (transaction_seq, global_position);

-- One row per aggregate: its version. Locking this row serialises appends to one aggregate, so
-- concurrent appends get dense sequence numbers instead of colliding (the seed's defect).
create table if not exists public.event_streams (
  aggregate_type text not null,
  aggregate_id   text not null,
  version        bigint not null check (version >= 0),
  updated_at     timestamptz not null default now(),
  primary key (aggregate_type, aggregate_id)
);

-- The writing transaction's place in the global order, taken when it writes its first event.
-- An open writer is visible to readers through two shared advisory locks (they never block
-- anybody): the gate, taken before the number, and the number itself, published right after.
-- Keys are bigints tagged 0x6262 ('bb') in their top 16 bits; the gate is the tag alone.
-- It runs for every inserted row, so it avoids what is slow in PL/pgSQL: no SET clause (every name
-- is schema-qualified instead) and no PERFORM (pg_try_advisory_xact_lock_shared in a condition is a
-- plain expression; a shared lock only waits for an exclusive one, which nobody takes).
create or replace function public.events_transaction_seq() returns bigint
  language plpgsql
  security definer
  as $$
declare
  xid text := pg_catalog.pg_current_xact_id()::text;
  mine text := pg_catalog.current_setting('bigbox.transaction_seq', true);
  seq bigint;
begin
  if pg_catalog.starts_with(mine, xid || ':') then
    return pg_catalog.split_part(mine, ':', 2)::bigint;
  end if;
  if not pg_catalog.pg_try_advisory_xact_lock_shared(7089228763434582016) then
    perform pg_catalog.pg_advisory_xact_lock_shared(7089228763434582016);
  end if;
  seq := pg_catalog.nextval('public.events_transaction_seq');
  if not pg_catalog.pg_try_advisory_xact_lock_shared(7089228763434582016 + seq) then
    perform pg_catalog.pg_advisory_xact_lock_shared(7089228763434582016 + seq);
  end if;
  mine := pg_catalog.set_config('bigbox.transaction_seq', xid || ':' || seq, true);
  return seq;
end
$$;

-- Every reader may go up to (not including) this transaction_seq: every writer below it has ended.
-- Null means a writer is between taking its number and publishing it (microseconds): ask again.
-- The sequence is read before the locks, so a writer that is not among the locks numbered after it.
create or replace function public.events_read_horizon() returns bigint
  language plpgsql volatile
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  last_seq bigint;
  issued boolean;
  oldest_open bigint;
  unpublished boolean;
begin
  select last_value, is_called into last_seq, issued from public.events_transaction_seq;
  select min(w.seq), coalesce(bool_or(w.seq is null), false)
    into oldest_open, unpublished
    from (select min(((l.classid::bigint << 32) | l.objid::bigint) - 7089228763434582016)
                   filter (where l.objid <> 0 or l.classid <> 1650589696) as seq
            from pg_locks l
           where l.locktype = 'advisory' and l.objsubid = 1 and l.granted
             and l.classid between 1650589696 and 1650655231
             and l.database = (select oid from pg_database where datname = current_database())
           group by l.virtualtransaction) w;
  if unpublished then
    return null;
  end if;
  return least(coalesce(oldest_open, 9223372036854775807), case when issued then last_seq + 1 else last_seq end);
end
$$;

-- The horizon, waiting out the microseconds in which a writer has a number it has not published.
create or replace function public.events_settled_horizon() returns bigint
  language plpgsql volatile
  as $$
declare
  horizon bigint;
begin
  for attempt in 1..200 loop
    horizon := public.events_read_horizon();
    exit when horizon is not null;
    perform pg_sleep(0.0005);
  end loop;
  return horizon;
end
$$;

-- The commit-safe read of the global order: events after a position, below the horizon. The query
-- is a separate statement from the horizon's, so its snapshot sees every commit the horizon
-- counted as ended.
create or replace function public.events_after(
  p_transaction_seq bigint,
  p_global_position bigint,
  p_limit integer,
  p_event_types text[] default null
) returns setof public.events
  language plpgsql volatile
  as $$
declare
  horizon bigint := public.events_settled_horizon();
begin
  return query
    select * from public.events e
     where (e.transaction_seq, e.global_position) > (p_transaction_seq, p_global_position)
       and e.transaction_seq < horizon
       and (p_event_types is null or e.event_type = any(p_event_types))
     order by e.transaction_seq, e.global_position
     limit p_limit;
end
$$;

-- The position of the last event events_after can return now.
create or replace function public.events_head(out transaction_seq bigint, out global_position bigint)
  language plpgsql volatile
  as $$
declare
  horizon bigint := public.events_settled_horizon();
begin
  if horizon is null then
    raise exception 'a writer did not publish its transaction_seq in time' using errcode = '55P03';
  end if;
  select e.transaction_seq, e.global_position into transaction_seq, global_position
    from public.events e
   where e.transaction_seq < horizon
   order by e.transaction_seq desc, e.global_position desc
   limit 1;
end
$$;

-- Reserves the next p_count sequence numbers of a stream for one multi-event insert in this
-- transaction, so that the insert trigger does not bump the stream's version row once per event (a
-- row updated n times in one transaction costs O(n^2)). Only the engine's own connections may
-- call it: a reservation that is not used would leave a gap in the stream.
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

revoke execute on function public.events_reserve(text, text, integer, bigint) from public;

-- Fills sequence_number, transaction_seq and correlation_id for every writer, psql included. A
-- writer that names sequence_number states the version it expects: a mismatch is a conflict
-- (SQLSTATE PT409, which PostgREST and our API turn into HTTP 409), unless events_reserve numbered
-- the row in this transaction. Security definer, so that roles which may insert events need no
-- rights on event_streams or the sequence; no SET clause, for speed: every name is qualified.
create or replace function public.events_before_insert() returns trigger
  language plpgsql
  security definer
  as $$
declare
  next_version bigint;
  reserved text := pg_catalog.current_setting('bigbox.reserved', true);
begin
  if new.sequence_number is null or reserved is null
     or not pg_catalog.starts_with(reserved, pg_catalog.concat_ws(pg_catalog.chr(31),
              pg_catalog.pg_current_xact_id()::text, new.aggregate_type, new.aggregate_id, ''))
     or new.sequence_number > pg_catalog.split_part(reserved, pg_catalog.chr(31), 4)::bigint then
    insert into public.event_streams as s (aggregate_type, aggregate_id, version)
      values (new.aggregate_type, new.aggregate_id, 1)
      on conflict (aggregate_type, aggregate_id)
      do update set version = s.version + 1, updated_at = pg_catalog.now()
      returning s.version into next_version;
    if new.sequence_number is null then
      new.sequence_number := next_version;
    elsif new.sequence_number <> next_version then
      raise exception 'wrong expected version for %/%: expected version %, stream is at version %',
          new.aggregate_type, new.aggregate_id, new.sequence_number - 1, next_version - 1
        using errcode = 'PT409',
              hint = 'reload the stream and retry with its current version';
    end if;
  end if;
  new.transaction_seq := public.events_transaction_seq();
  if new.correlation_id is null then
    new.correlation_id := new.event_id;
  end if;
  return new;
end
$$;

drop trigger if exists events_before_insert on public.events;
create trigger events_before_insert
  before insert on public.events
  for each row execute function public.events_before_insert();

-- Append-only, for every role: the database itself refuses UPDATE, DELETE and TRUNCATE.
create or replace function public.events_refuse_change() returns trigger
  language plpgsql
  as $$
begin
  raise exception 'events is append-only: % is not allowed', tg_op
    using errcode = 'P0001',
          hint = 'append a compensating event instead';
end
$$;

drop trigger if exists events_append_only on public.events;
create trigger events_append_only
  before update or delete on public.events
  for each row execute function public.events_refuse_change();

drop trigger if exists events_no_truncate on public.events;
create trigger events_no_truncate
  before truncate on public.events
  for each statement execute function public.events_refuse_change();

-- Wakes every engine instance (LISTEN bigbox_events) when someone else writes events, e.g. psql.
-- The engine's own sessions set bigbox.skip_notify and send one coalesced NOTIFY after commit,
-- because a NOTIFY inside every write transaction serialises commits on the notify queue lock.
create or replace function public.events_notify() returns trigger
  language plpgsql
  as $$
begin
  if coalesce(current_setting('bigbox.skip_notify', true), '') <> 'on' then
    perform pg_notify('bigbox_events', '');
  end if;
  return null;
end
$$;

drop trigger if exists events_notify on public.events;
create trigger events_notify
  after insert on public.events
  for each statement execute function public.events_notify();

-- ---------------------------------------------------------------------------------------------
-- The seed's other tables.
-- ---------------------------------------------------------------------------------------------
create table if not exists public.event_snapshots (
  snapshot_id     uuid primary key default gen_random_uuid(),
  aggregate_type  text not null,
  aggregate_id    text not null,
  sequence_number bigint not null check (sequence_number >= 1),
  state           jsonb not null,
  created_at      timestamptz not null default now(),
  unique (aggregate_type, aggregate_id, sequence_number)
);

create table if not exists public.human_approvals (
  approval_id        uuid primary key default gen_random_uuid(),
  event_id           uuid references public.events (event_id),
  agent_id           text not null,
  decision_context   jsonb not null,
  recommended_action text not null,
  confidence         numeric(3,2) not null check (confidence >= 0 and confidence <= 1),
  status             text not null default 'pending'
                       check (status in ('pending', 'approved', 'rejected', 'timeout')),
  timeout_at         timestamptz,
  resolved_at        timestamptz,
  resolved_by        text,
  resolution_notes   text,
  created_at         timestamptz not null default now()
);
create index if not exists idx_human_approvals_status on public.human_approvals (status, timeout_at);
create index if not exists idx_human_approvals_event on public.human_approvals (event_id);

create table if not exists public.sop_definitions (
  sop_id             text not null,
  version            integer not null check (version >= 1),
  definition         jsonb not null,
  created_at         timestamptz not null default now(),
  activated_at       timestamptz,
  deactivated_at     timestamptz,
  previous_version   integer,
  approval_mechanism text not null default 'explicit_human'
                       check (approval_mechanism in ('auto_approve', 'silent_timeout', 'explicit_human')),
  primary key (sop_id, version)
);

create table if not exists public.sop_executions (
  execution_id     uuid primary key default gen_random_uuid(),
  sop_id           text not null,
  sop_version      integer not null,
  correlation_id   uuid not null,
  started_at       timestamptz not null default now(),
  completed_at     timestamptz,
  cycle_time_hours numeric(10,2),
  total_steps      integer check (total_steps >= 0),
  automated_steps  integer check (automated_steps >= 0),
  automation_rate  numeric(3,2) check (automation_rate >= 0 and automation_rate <= 1),
  human_hours      numeric(10,2),
  estimated_cost   numeric(10,2),
  quality_score    numeric(3,2) check (quality_score >= 0 and quality_score <= 1),
  status           text not null default 'in_progress'
                     check (status in ('in_progress', 'completed', 'failed', 'escalated')),
  outcome          jsonb,
  foreign key (sop_id, sop_version) references public.sop_definitions (sop_id, version)
);
create index if not exists idx_sop_executions_sop on public.sop_executions (sop_id, started_at desc);
create index if not exists idx_sop_executions_correlation on public.sop_executions (correlation_id);

create table if not exists public.agent_metrics (
  metric_id           uuid primary key default gen_random_uuid(),
  agent_id            text not null,
  window_start        timestamptz not null,
  window_end          timestamptz not null,
  events_processed    integer not null default 0,
  events_emitted      integer not null default 0,
  human_escalations   integer not null default 0,
  avg_confidence      numeric(3,2),
  confidence_variance numeric(10,4),
  automation_rate     numeric(3,2) check (automation_rate >= 0 and automation_rate <= 1),
  human_hours_saved   numeric(10,2),
  created_at          timestamptz not null default now(),
  unique (agent_id, window_start, window_end),
  check (window_end > window_start)
);

create table if not exists public.client_health (
  client_id               text primary key,
  last_event_at           timestamptz,
  events_last_30d         integer not null default 0,
  meetings_last_30d       integer not null default 0,
  avg_response_time_hours numeric(10,2),
  quality_score           numeric(3,2),
  nps_score               integer check (nps_score between -100 and 100),
  revenue_30d             numeric(12,2),
  margin_30d              numeric(3,2),
  trust_score             numeric(3,2),
  automation_rate         numeric(3,2),
  proactive_interventions integer not null default 0,
  health_status           text not null default 'healthy'
                            check (health_status in ('healthy', 'attention_needed', 'at_risk', 'critical')),
  updated_at              timestamptz not null default now()
);

create table if not exists public.chaos_experiments (
  experiment_id         uuid primary key default gen_random_uuid(),
  experiment_type       text not null,
  intensity             text not null check (intensity in ('low', 'medium', 'high')),
  started_at            timestamptz not null default now(),
  ended_at              timestamptz,
  duration_minutes      integer,
  target_filter         jsonb,
  events_affected       integer not null default 0,
  system_degradation    numeric(3,2),
  failures_detected     integer not null default 0,
  recovery_time_seconds integer,
  status                text not null default 'running' check (status in ('running', 'completed', 'aborted')),
  check (ended_at is null or ended_at > started_at)
);

-- Durable subscriptions: where each one is, and which owner (epoch) may move it. An owner that lost
-- its lease finds its epoch changed and its checkpoint write refused, so two owners never both commit.
create table if not exists public.subscription_checkpoints (
  subscription_name text primary key check (subscription_name <> ''),
  transaction_seq   bigint not null default 0,
  global_position   bigint not null default 0,
  owner             text,
  epoch             bigint not null default 0,
  updated_at        timestamptz not null default now()
);

-- ---------------------------------------------------------------------------------------------
-- The seed's functions, with the seed's parameter names.
-- ---------------------------------------------------------------------------------------------
create or replace function public.get_event_stream(
  p_aggregate_type text,
  p_aggregate_id text,
  p_from_sequence bigint default 0
) returns setof public.events
  language sql stable
  as $$
    select * from public.events
     where aggregate_type = p_aggregate_type
       and aggregate_id = p_aggregate_id
       and sequence_number >= p_from_sequence
     order by sequence_number
  $$;

-- p_expected_version (added; null = append unconditionally) is the stream's version the caller
-- expects; a mismatch raises SQLSTATE PT409.
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
  new_id uuid := gen_random_uuid();
begin
  insert into public.events (event_id, event_type, correlation_id, causation_id, aggregate_type,
                             aggregate_id, sequence_number, payload, metadata, emitted_by, confidence)
  values (new_id, p_event_type, coalesce(p_correlation_id, new_id), p_causation_id, p_aggregate_type,
          p_aggregate_id, p_expected_version + 1, coalesce(p_payload, '{}'::jsonb),
          coalesce(p_metadata, '{}'::jsonb), coalesce(p_emitted_by, 'sql'), p_confidence);
  return new_id;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Access: row-level security with the seed's policy; service_role bypasses it.
-- ---------------------------------------------------------------------------------------------
alter table public.events enable row level security;
alter table public.event_snapshots enable row level security;
alter table public.human_approvals enable row level security;
alter table public.sop_definitions enable row level security;
alter table public.sop_executions enable row level security;
alter table public.agent_metrics enable row level security;
alter table public.client_health enable row level security;
alter table public.chaos_experiments enable row level security;

do $$
declare
  t text;
begin
  foreach t in array array['events', 'event_snapshots', 'human_approvals', 'sop_definitions',
                           'sop_executions', 'agent_metrics', 'client_health', 'chaos_experiments']
  loop
    if not exists (select 1 from pg_policies
                    where schemaname = 'public' and tablename = t
                      and policyname = 'Enable all for authenticated users') then
      execute format('create policy "Enable all for authenticated users" on public.%I
                        for all to authenticated using (true) with check (true)', t);
    end if;
  end loop;
end
$$;

grant select, insert on public.events to anon, authenticated, service_role;
revoke update, delete, truncate on public.events from anon, authenticated, service_role;
grant select, insert, update, delete on public.event_snapshots, public.human_approvals,
  public.sop_definitions, public.sop_executions, public.agent_metrics, public.client_health,
  public.chaos_experiments to authenticated, service_role;
grant select on public.event_streams to authenticated, service_role;
grant execute on function public.append_event(text, uuid, uuid, text, text, jsonb, jsonb, text, numeric, bigint),
  public.get_event_stream(text, text, bigint) to anon, authenticated, service_role;

-- Supabase Realtime: these tables' changes are published (the seed's Step 4).
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array['events', 'human_approvals', 'sop_executions']
  loop
    if not exists (select 1 from pg_publication_tables
                    where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = t) then
      execute format('alter publication supabase_realtime add table public.%I', t);
    end if;
  end loop;
end
$$;

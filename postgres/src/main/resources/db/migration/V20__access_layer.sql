-- The access layer: the engine's own users (apart from Supabase's auth.users, so this file also runs
-- on a Supabase project), refresh tokens, TOTP recovery codes, lead-webhook secrets, the capture of
-- row changes for realtime subscribers, and the tenancy switch. Safe to run again.

create schema if not exists bigbox_access;
revoke all on schema bigbox_access from public;
-- The API roles may read row_changes (under its row-level security) to decide what a realtime
-- subscriber may see; nothing else in this schema is granted to them.
grant usage on schema bigbox_access to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Users of /auth/v1: e-mail + password (bcrypt), the original engine's app role, and the client a
-- client user belongs to (the claim tenancy policies compare against).
-- ---------------------------------------------------------------------------------------------
create table if not exists bigbox_access.users (
  user_id         uuid primary key default gen_random_uuid(),
  email           text not null check (email = lower(email) and length(email) <= 320 and email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  password_hash   text not null check (password_hash like '$2%'),
  app_role        text not null check (app_role in ('ceo', 'employee', 'client')),
  client_id       text check (client_id <> '' and length(client_id) <= 200),
  totp_secret     text,
  totp_enabled    boolean not null default false,
  totp_last_step  bigint,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  last_sign_in_at timestamptz,
  constraint users_email_key unique (email),
  constraint users_client_role_has_client_id check ((app_role = 'client') = (client_id is not null)),
  constraint users_totp_enabled_has_secret check (not totp_enabled or totp_secret is not null)
);

-- Only a hash of each refresh token is kept. A token is used once: refreshing revokes it and issues
-- its successor in the same session; presenting a revoked token again revokes the whole session.
create table if not exists bigbox_access.refresh_tokens (
  token_hash  text primary key,
  user_id     uuid not null references bigbox_access.users (user_id) on delete cascade,
  session_id  uuid not null,
  issued_at   timestamptz not null default now(),
  expires_at  timestamptz not null,
  revoked_at  timestamptz
);
create index if not exists idx_refresh_tokens_session on bigbox_access.refresh_tokens (session_id);
create index if not exists idx_refresh_tokens_user on bigbox_access.refresh_tokens (user_id);

create table if not exists bigbox_access.recovery_codes (
  user_id   uuid not null references bigbox_access.users (user_id) on delete cascade,
  code_hash text not null,
  used_at   timestamptz,
  primary key (user_id, code_hash)
);

-- Lead-webhook signing secrets. The two newest unretired ones are accepted, so a sender can move to
-- a new secret while the old one still works (bigbox webhook-secret rotate).
create table if not exists bigbox_access.webhook_secrets (
  secret_id  bigint generated always as identity primary key,
  secret     text not null check (length(secret) >= 32),
  created_at timestamptz not null default now(),
  retired_at timestamptz
);

-- ---------------------------------------------------------------------------------------------
-- Which client a row belongs to, for the tables that carry one. The tenancy policies and the change
-- capture use the same definitions. An SOP execution belongs to the client of its flow: the
-- client_id in its outcome, else the one named by the events of its correlation.
-- ---------------------------------------------------------------------------------------------
create or replace function bigbox_access.sop_execution_client(p_outcome jsonb, p_correlation_id uuid) returns text
  language sql stable
  security definer
  set search_path = pg_catalog, public
  as $$
    select coalesce(p_outcome ->> 'client_id',
                    (select e.payload ->> 'client_id' from public.events e
                      where e.correlation_id = p_correlation_id and e.payload ? 'client_id'
                      order by e.global_position limit 1))
  $$;

create or replace function bigbox_access.client_of(p_table text, p_row jsonb) returns text
  language sql stable
  security definer
  set search_path = pg_catalog, public
  as $$
    select case p_table
      when 'human_approvals' then p_row -> 'decision_context' ->> 'client_id'
      when 'sop_executions' then bigbox_access.sop_execution_client(p_row -> 'outcome', (p_row ->> 'correlation_id')::uuid)
      when 'client_health' then p_row ->> 'client_id'
      when 'events' then p_row -> 'payload' ->> 'client_id'
    end
  $$;

-- ---------------------------------------------------------------------------------------------
-- Row changes of human_approvals and sop_executions for realtime subscribers, in the same commit-safe
-- order as events: (transaction_seq, change_id), read only below events_read_horizon(), so a change
-- that commits late is delivered, not skipped (docs/ordering.md). Pruned after a while by the engine.
-- ---------------------------------------------------------------------------------------------
create table if not exists bigbox_access.row_changes (
  change_id       bigint generated always as identity primary key,
  transaction_seq bigint not null,
  table_name      text not null,
  op              text not null check (op in ('INSERT', 'UPDATE', 'DELETE')),
  row_key         text not null,
  client_id       text,
  record          jsonb,
  old_record      jsonb,
  captured_at     timestamptz not null default now()
);
create index if not exists idx_row_changes_order on bigbox_access.row_changes (transaction_seq, change_id);
create index if not exists idx_row_changes_captured on bigbox_access.row_changes (captured_at);

create or replace function bigbox_access.capture_row_change() returns trigger
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  new_row jsonb := case when tg_op = 'DELETE' then null else to_jsonb(new) end;
  old_row jsonb := case when tg_op = 'INSERT' then null else to_jsonb(old) end;
  current_row jsonb := coalesce(new_row, old_row);
begin
  insert into bigbox_access.row_changes (transaction_seq, table_name, op, row_key, client_id, record, old_record)
  values (public.events_transaction_seq(), tg_table_name, tg_op, current_row ->> tg_argv[0],
          bigbox_access.client_of(tg_table_name, current_row), new_row, old_row);
  return null;
end
$$;

drop trigger if exists human_approvals_capture on public.human_approvals;
create trigger human_approvals_capture
  after insert or update or delete on public.human_approvals
  for each row execute function bigbox_access.capture_row_change('approval_id');

drop trigger if exists sop_executions_capture on public.sop_executions;
create trigger sop_executions_capture
  after insert or update or delete on public.sop_executions
  for each row execute function bigbox_access.capture_row_change('execution_id');

create or replace function bigbox_access.row_changes_after(p_transaction_seq bigint, p_change_id bigint, p_limit integer)
  returns setof bigbox_access.row_changes
  language plpgsql volatile
  as $$
declare
  horizon bigint := public.events_settled_horizon();
begin
  return query
    select * from bigbox_access.row_changes c
     where (c.transaction_seq, c.change_id) > (p_transaction_seq, p_change_id)
       and c.transaction_seq < horizon
     order by c.transaction_seq, c.change_id
     limit p_limit;
end
$$;

-- The position of the last change row_changes_after can return now; a subscriber that starts here
-- receives every change committed after this call.
create or replace function bigbox_access.row_changes_head(out transaction_seq bigint, out change_id bigint)
  language plpgsql volatile
  as $$
declare
  horizon bigint := public.events_settled_horizon();
begin
  if horizon is null then
    raise exception 'a writer did not publish its transaction_seq in time' using errcode = '55P03';
  end if;
  select c.transaction_seq, c.change_id into transaction_seq, change_id
    from bigbox_access.row_changes c
   where c.transaction_seq < horizon
   order by c.transaction_seq desc, c.change_id desc
   limit 1;
end
$$;

-- Row-level security on the change log mirrors the tables' own: staff see every change; the
-- tenancy switch adds the client check. Deleted rows can only be judged here, as they are gone.
alter table bigbox_access.row_changes enable row level security;
do $$
begin
  if not exists (select 1 from pg_policies where schemaname = 'bigbox_access' and tablename = 'row_changes'
                   and policyname = 'Enable read for authenticated users') then
    create policy "Enable read for authenticated users" on bigbox_access.row_changes
      for select to authenticated using (true);
  end if;
end
$$;
grant select on bigbox_access.row_changes to anon, authenticated, service_role;

-- event_streams names every aggregate: it is under row-level security like the seed's tables.
alter table public.event_streams enable row level security;
do $$
begin
  if not exists (select 1 from pg_policies where schemaname = 'public' and tablename = 'event_streams'
                   and policyname = 'Enable read for authenticated users') then
    create policy "Enable read for authenticated users" on public.event_streams
      for select to authenticated using (true);
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- The tenancy switch. enable_tenancy() adds a restrictive policy to every table an API role can
-- read: a token with a client_id claim (a client user's) sees and writes only rows of its client —
-- on events the seed's payload->>'client_id' = auth.jwt()->>'client_id' — and no row of the tables
-- that carry no client. Tokens without the claim (staff, service keys) are unaffected.
-- The engine calls it at start when BIGBOX_TENANCY=on (disable_tenancy() when off); on Supabase run
-- `select bigbox_access.enable_tenancy();` in the SQL editor.
-- ---------------------------------------------------------------------------------------------
create or replace function bigbox_access.tenancy_rules()
  returns table (schema_name text, table_name text, rule text)
  language sql immutable
  as $$
    values
      ('public', 'events', $r$payload ->> 'client_id' = auth.jwt() ->> 'client_id'$r$),
      ('public', 'human_approvals', $r$decision_context ->> 'client_id' = auth.jwt() ->> 'client_id'$r$),
      ('public', 'sop_executions', $r$bigbox_access.sop_execution_client(outcome, correlation_id) = auth.jwt() ->> 'client_id'$r$),
      ('public', 'client_health', $r$client_id = auth.jwt() ->> 'client_id'$r$),
      ('public', 'event_snapshots', 'false'),
      ('public', 'event_streams', 'false'),
      ('public', 'sop_definitions', 'false'),
      ('public', 'agent_metrics', 'false'),
      ('public', 'chaos_experiments', 'false'),
      ('bigbox_access', 'row_changes', $r$client_id = auth.jwt() ->> 'client_id'$r$)
  $$;

create or replace function bigbox_access.enable_tenancy() returns void
  language plpgsql
  as $$
declare
  r record;
  condition text;
begin
  for r in select * from bigbox_access.tenancy_rules() loop
    condition := format('(auth.jwt() ->> %L) is null or (%s)', 'client_id', r.rule);
    execute format('drop policy if exists "Tenant isolation" on %I.%I', r.schema_name, r.table_name);
    if r.table_name = 'row_changes' or r.table_name = 'event_streams' then
      execute format('create policy "Tenant isolation" on %I.%I as restrictive for select to authenticated using (%s)',
                     r.schema_name, r.table_name, condition);
    else
      execute format('create policy "Tenant isolation" on %I.%I as restrictive for all to authenticated using (%s) with check (%s)',
                     r.schema_name, r.table_name, condition, condition);
    end if;
  end loop;
end
$$;

create or replace function bigbox_access.disable_tenancy() returns void
  language plpgsql
  as $$
declare
  r record;
begin
  for r in select * from bigbox_access.tenancy_rules() loop
    execute format('drop policy if exists "Tenant isolation" on %I.%I', r.schema_name, r.table_name);
  end loop;
end
$$;

create or replace function bigbox_access.tenancy_enabled() returns boolean
  language sql stable
  as $$
    select exists (select 1 from pg_policies where schemaname = 'public' and tablename = 'events'
                     and policyname = 'Tenant isolation')
  $$;

revoke all on all functions in schema bigbox_access from public;
grant execute on function bigbox_access.sop_execution_client(jsonb, uuid), bigbox_access.client_of(text, jsonb)
  to anon, authenticated, service_role;

-- Default deny for the API roles (docs/access.md). Every table, view, sequence and function of the
-- schemas the API reaches has one declared rule per role — ceo, employee, client, anon, service_role —
-- in bigbox_access.access_rules, and bigbox_access.apply_access_rules() makes the database's grants and
-- policies exactly what the rules say: a privilege no rule names is revoked, an object without rules
-- is granted to nobody. Migrations.apply applies the rules after the migrations (db/after_migrations.sql), so a later migration
-- that grants more than the rules is undone, and AccessRulesIT fails on an object without rules.
--
-- The roles. A user's token says role "authenticated" and an app role; the engine acts for it as:
--   ceo, employee -> bigbox_staff (a member of authenticated: the seed's policies apply to it)
--   client        -> authenticated itself, always confined to its client by "Client rows" policies
--   anon, service_role -> themselves
-- bigbox_console is the SQL console's role: reads what a CEO may read, and nothing else — it is not a
-- member of authenticated, so it cannot take the advisory locks every API role can (see below).
do $$
declare
  r text;
begin
  foreach r in array array['bigbox_staff', 'bigbox_console']
  loop
    if not exists (select 1 from pg_roles where rolname = r) then
      begin
        execute format('create role %I nologin', r);
      exception when duplicate_object or unique_violation then
        null;
      end;
    end if;
    if not pg_has_role(current_user, r, 'member') then
      execute format('grant %I to %I', r, current_user);
    end if;
  end loop;
  if not pg_has_role('bigbox_staff', 'authenticated', 'member') then
    grant authenticated to bigbox_staff;
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Streams belong to the client of their first event (payload.client_id); a client may append only to
-- a stream of its own, with its own client_id, and learns nothing else from a refusal.
-- ---------------------------------------------------------------------------------------------
alter table public.event_streams add column if not exists client_id text;
update public.event_streams s
   set client_id = e.payload ->> 'client_id'
  from public.events e
 where s.client_id is null and e.aggregate_type = s.aggregate_type and e.aggregate_id = s.aggregate_id
   and e.sequence_number = 1 and e.payload ? 'client_id';

-- As V1's, and it records the stream's client when the stream's first event is written.
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
    insert into public.event_streams as s (aggregate_type, aggregate_id, version, client_id)
      values (new.aggregate_type, new.aggregate_id, 1, new.payload ->> 'client_id')
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
  elsif new.sequence_number = 1 and new.payload ? 'client_id' then
    -- events_reserve created the stream without knowing its first payload.
    update public.event_streams set client_id = new.payload ->> 'client_id'
     where aggregate_type = new.aggregate_type and aggregate_id = new.aggregate_id and client_id is null;
  end if;
  new.transaction_seq := public.events_transaction_seq();
  if new.correlation_id is null then
    new.correlation_id := new.event_id;
  end if;
  return new;
end
$$;

-- Whether the caller is confined to a client: it acts as the role authenticated (our engine runs staff as
-- bigbox_staff; Supabase's PostgREST runs every user as authenticated) and its token names no staff app
-- role. A token without an app role is confined too: with no client_id it sees no client's rows.
create or replace function bigbox_access.confined() returns boolean
  language sql stable
  as $$
    select current_user = 'authenticated' and coalesce(auth.jwt() ->> 'app_role', '') not in ('ceo', 'employee')
  $$;

-- Whether the confined caller (a client's token) may append this event: its token names a client, the
-- payload names the same client, the stream is new or that client's, and the event id is not taken in
-- another stream (in its own stream it is a retry, which the event store answers with what is stored).
-- Security definer to see streams and events beyond the caller's rows; it answers yes or no only.
create or replace function bigbox_access.client_may_append(p_aggregate_type text, p_aggregate_id text, p_client_id text, p_event_id uuid)
  returns boolean
  language sql stable
  security definer
  set search_path = pg_catalog, public
  as $$
    select claimed is not null and p_client_id is not distinct from claimed
       and not exists (select 1 from public.event_streams s
                        where s.aggregate_type = p_aggregate_type and s.aggregate_id = p_aggregate_id
                          and s.client_id is distinct from claimed)
       and not exists (select 1 from public.events e where e.event_id = p_event_id
                         and (e.aggregate_type <> p_aggregate_type or e.aggregate_id <> p_aggregate_id))
      from (select auth.jwt() ->> 'client_id' as claimed) c
  $$;

-- Runs before events_before_insert (triggers fire in name order), so a refused append learns no
-- version. Not a security definer: current_user must be the role appending, so every role that may
-- insert events may execute both functions it calls. Every refusal reads the same.
create or replace function bigbox_access.events_admit_client() returns trigger
  language plpgsql
  as $$
begin
  if bigbox_access.confined()
     and not bigbox_access.client_may_append(new.aggregate_type, new.aggregate_id, new.payload ->> 'client_id', new.event_id) then
    raise exception 'new row violates row-level security policy for table "events"' using errcode = '42501';
  end if;
  return new;
end
$$;

drop trigger if exists events_admit_client on public.events;
create trigger events_admit_client
  before insert on public.events
  for each row execute function bigbox_access.events_admit_client();

-- ---------------------------------------------------------------------------------------------
-- The rules.
-- ---------------------------------------------------------------------------------------------
create table if not exists bigbox_access.access_rules (
  schema_name text not null,
  object_name text not null,
  object_kind text not null check (object_kind in ('table', 'sequence', 'function')),
  api_role    text not null check (api_role in ('ceo', 'employee', 'client', 'anon', 'service_role')),
  -- select/insert/update/delete on tables and views, usage/select on sequences, execute on functions
  -- (every overload of the name); empty: nothing.
  privileges  text[] not null default '{}',
  -- client rules on tables: the rows a client's token may read and write (a restrictive policy).
  row_filter  text,
  primary key (schema_name, object_name, object_kind, api_role),
  check (privileges <@ array['select', 'insert', 'update', 'delete', 'usage', 'execute']),
  check (row_filter is null or api_role = 'client')
);
comment on table bigbox_access.access_rules is
  'What each API role may do with each table, view, sequence and function; applied by bigbox_access.apply_access_rules()';

-- One line per object: ceo, employee, client, anon, service_role, then the client's rows.
-- s = select, i = insert, u = update, d = delete, x = execute, '' = nothing.
create or replace function bigbox_access.declare_rules(p_rules jsonb) returns void
  language plpgsql
  as $$
declare
  r jsonb;
  roles constant text[] := array['ceo', 'employee', 'client', 'anon', 'service_role'];
  letters constant jsonb := '{"s": "select", "i": "insert", "u": "update", "d": "delete", "x": "execute", "g": "usage"}';
begin
  for r in select * from jsonb_array_elements(p_rules) loop
    for i in 1..5 loop
      insert into bigbox_access.access_rules (schema_name, object_name, object_kind, api_role, privileges, row_filter)
      values (r ->> 0, r ->> 1, r ->> 2, roles[i],
              array(select letters ->> l from regexp_split_to_table(r ->> (2 + i), '') l where l <> ''),
              case when roles[i] = 'client' then r ->> 8 end)
      on conflict (schema_name, object_name, object_kind, api_role)
      do update set privileges = excluded.privileges, row_filter = excluded.row_filter;
    end loop;
  end loop;
end
$$;

-- anon may select events and gets no row (no policy admits it): the seed's behaviour, which supabase-js
-- code relies on (an empty list, not an error).
select bigbox_access.declare_rules($rules$[
  ["public", "events",                   "table", "si",   "si",   "si", "s", "si",  "payload ->> 'client_id' = auth.jwt() ->> 'client_id'"],
  ["public", "event_streams",            "table", "s",    "s",    "s",  "", "s",    "client_id = auth.jwt() ->> 'client_id'"],
  ["public", "human_approvals",          "table", "siud", "siud", "s",  "", "siud", "decision_context ->> 'client_id' = auth.jwt() ->> 'client_id'"],
  ["public", "sop_executions",           "table", "siud", "siud", "s",  "", "siud", "bigbox_access.sop_execution_client(outcome, correlation_id) = auth.jwt() ->> 'client_id'"],
  ["public", "client_health",            "table", "siud", "siud", "s",  "", "siud", "client_id = auth.jwt() ->> 'client_id'"],
  ["public", "event_snapshots",          "table", "siud", "siud", "s",  "", "siud", "false"],
  ["public", "sop_definitions",          "table", "siud", "siud", "s",  "", "siud", "false"],
  ["public", "agent_metrics",            "table", "siud", "siud", "s",  "", "siud", "false"],
  ["public", "chaos_experiments",        "table", "siud", "siud", "s",  "", "siud", "false"],
  ["public", "human_approval_audit",     "table", "s",    "s",    "",   "", "s",    null],
  ["public", "human_approval_comments",  "table", "siud", "siud", "",   "", "siud", null],
  ["public", "scheduled_jobs",           "table", "siud", "siud", "",   "", "siud", null],
  ["public", "sop_execution_steps",      "table", "siud", "siud", "",   "", "siud", null],
  ["public", "improvement_signals",      "table", "siud", "siud", "",   "", "siud", null],
  ["public", "sop_proposals",            "table", "siud", "siud", "",   "", "siud", null],
  ["public", "chaos_faults",             "table", "s",    "s",    "",   "", "s",    null],
  ["public", "chaos_fault_hits",         "table", "s",    "s",    "",   "", "s",    null],
  ["public", "chaos_database_faults",    "table", "s",    "s",    "",   "", "s",    null],
  ["public", "chaos_probe_deliveries",   "table", "s",    "s",    "",   "", "s",    null],
  ["public", "engine_instances",         "table", "s",    "s",    "",   "", "s",    null],
  ["public", "subscription_checkpoints", "table", "",     "",     "",   "", "",     null],
  ["public", "flyway_schema_history",    "table", "",     "",     "",   "", "",     null],
  ["public", "event_stats",              "table", "",     "",     "",   "", "",     null],
  ["public", "event_stats_flows",        "table", "",     "",     "",   "", "",     null],
  ["public", "event_stats_position",     "table", "",     "",     "",   "", "",     null],
  ["bigbox_access", "row_changes",       "table", "s",    "s",    "s",  "", "s",    "client_id = auth.jwt() ->> 'client_id'"],
  ["bigbox_access", "users",             "table", "",     "",     "",   "", "",     null],
  ["bigbox_access", "refresh_tokens",    "table", "",     "",     "",   "", "",     null],
  ["bigbox_access", "recovery_codes",    "table", "",     "",     "",   "", "",     null],
  ["bigbox_access", "webhook_secrets",   "table", "",     "",     "",   "", "",     null],
  ["bigbox_access", "access_rules",      "table", "",     "",     "",   "", "",     null],

  ["public", "events_global_position_seq",         "sequence", "", "", "", "", "", null],
  ["public", "events_transaction_seq",             "sequence", "", "", "", "", "", null],
  ["public", "human_approval_audit_audit_id_seq",  "sequence", "", "", "", "", "", null],
  ["public", "human_approval_comments_seq_seq",    "sequence", "", "", "", "", "", null],
  ["bigbox_access", "row_changes_change_id_seq",   "sequence", "", "", "", "", "", null],
  ["bigbox_access", "webhook_secrets_secret_id_seq", "sequence", "", "", "", "", "", null],

  ["auth", "jwt",  "function", "x", "x", "x", "x", "x", null],
  ["auth", "uid",  "function", "x", "x", "x", "x", "x", null],
  ["auth", "role", "function", "x", "x", "x", "x", "x", null],
  ["public", "append_event",           "function", "x", "x", "x", "", "x", null],
  ["public", "get_event_stream",       "function", "x", "x", "x", "", "x", null],
  ["public", "events_after",           "function", "x", "x", "x", "", "x", null],
  ["public", "events_head",            "function", "x", "x", "x", "", "x", null],
  ["public", "events_settled_horizon", "function", "x", "x", "x", "", "x", null],
  ["public", "events_read_horizon",    "function", "x", "x", "x", "", "x", null],
  ["public", "subscription_status",    "function", "x", "x", "",  "", "x", null],
  ["public", "event_stats",            "function", "x", "x", "",  "", "x", null],
  ["public", "event_stats_by",         "function", "x", "x", "",  "", "x", null],
  ["public", "event_stats_catch_up",   "function", "x", "x", "",  "", "x", null],
  ["public", "event_stats_counts",     "function", "",  "",  "",  "", "",  null],
  ["public", "events_transaction_seq", "function", "",  "",  "",  "", "",  null],
  ["public", "events_reserve",         "function", "",  "",  "",  "", "",  null],
  ["public", "events_before_insert",   "function", "",  "",  "",  "", "",  null],
  ["public", "events_refuse_change",   "function", "",  "",  "",  "", "",  null],
  ["public", "human_approvals_resolved",      "function", "", "", "", "", "", null],
  ["public", "human_approvals_audit",         "function", "", "", "", "", "", null],
  ["public", "human_approval_comments_audit", "function", "", "", "", "", "", null],
  ["public", "chaos_slow_writes",             "function", "", "", "", "", "", null],
  ["bigbox_access", "sop_execution_client", "function", "x", "x", "x", "", "x", null],
  ["bigbox_access", "client_of",            "function", "x", "x", "x", "", "x", null],
  ["bigbox_access", "row_changes_after",    "function", "x", "x", "x", "", "x", null],
  ["bigbox_access", "row_changes_head",     "function", "x", "x", "x", "", "x", null],
  ["bigbox_access", "client_on_time",       "function", "x", "x", "x", "", "x", null],
  ["bigbox_access", "client_may_append",    "function", "x", "x", "x", "", "x", null],
  ["bigbox_access", "confined",             "function", "x", "x", "x", "x", "x", null],
  ["bigbox_access", "events_admit_client",  "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "capture_row_change",   "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "tenancy_rules",        "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "enable_tenancy",       "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "disable_tenancy",      "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "tenancy_enabled",      "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "declare_rules",        "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "api_objects",          "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "api_schema",           "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "apply_access_rules",   "function", "",  "",  "",  "", "",  null],
  ["bigbox_access", "apply_row_rules",      "function", "",  "",  "",  "", "",  null],
  ["bigbox_dashboard", "console_query",     "function", "x", "x", "",  "", "",  null]
]$rules$);

-- ---------------------------------------------------------------------------------------------
-- Applying them.
-- ---------------------------------------------------------------------------------------------
-- Every object the rules must cover: the tables, views, sequences and functions of the schemas the API
-- roles can reach, except what an extension brings and what this role does not own (Supabase's own
-- objects in auth).
create or replace function bigbox_access.api_schema(p_oid oid, p_name name) returns boolean
  language sql stable
  as $$
    select p_name in ('public', 'auth', 'bigbox_access', 'bigbox_dashboard')
        or (p_name not in ('pg_catalog', 'information_schema') and p_name !~ '^pg_'
            and exists (select 1 from unnest(array['anon', 'authenticated', 'service_role']) r
                         where has_schema_privilege(r, p_oid, 'usage')))
  $$;

create or replace function bigbox_access.api_objects()
  returns table (schema_name text, object_name text, object_kind text, object_oid oid)
  language sql stable
  as $$
    select n.nspname::text, c.relname::text, case when c.relkind = 'S' then 'sequence' else 'table' end, c.oid
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where bigbox_access.api_schema(n.oid, n.nspname)
       and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
       and pg_has_role(current_user, c.relowner, 'usage')
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    union all
    select n.nspname::text, p.proname::text, 'function', p.oid
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where bigbox_access.api_schema(n.oid, n.nspname)
       and pg_has_role(current_user, p.proowner, 'usage')
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  $$;

create or replace function bigbox_access.apply_access_rules() returns void
  language plpgsql
  set search_path = pg_catalog, public
  as $$
declare
  db_roles constant text[] := array['anon', 'authenticated', 'bigbox_staff', 'service_role', 'bigbox_console'];
  bad record;
  change record;
  target text;
begin
  -- Engines starting together would otherwise race on the same catalog rows.
  perform pg_advisory_xact_lock(hashtext('bigbox.access_rules'));

  -- ceo and employee act as one database role, whose rights a client's role (authenticated) is part of.
  for bad in
    select ceo.schema_name, ceo.object_name
      from bigbox_access.access_rules ceo
      join bigbox_access.access_rules emp using (schema_name, object_name, object_kind)
      join bigbox_access.access_rules cl using (schema_name, object_name, object_kind)
     where ceo.api_role = 'ceo' and emp.api_role = 'employee' and cl.api_role = 'client'
       and (not (ceo.privileges @> emp.privileges and emp.privileges @> ceo.privileges)
            or not ceo.privileges @> cl.privileges
            or (cl.object_kind = 'table' and cl.privileges <> '{}' and cl.row_filter is null))
  loop
    raise exception 'access rule for %.%: ceo and employee must have the same privileges, the client''s must be '
                    'among them, and a client''s table privileges need a row_filter', bad.schema_name, bad.object_name;
  end loop;

  -- The grants the rules want, and the ones there are, for the API roles and PUBLIC.
  for change in
    with wanted as (
      select o.object_oid, o.object_kind, o.schema_name, o.object_name,
             case r.api_role when 'ceo' then 'bigbox_staff' when 'employee' then 'bigbox_staff'
                             when 'client' then 'authenticated' else r.api_role end as grantee,
             upper(p) as privilege
        from bigbox_access.api_objects() o
        join bigbox_access.access_rules r using (schema_name, object_name, object_kind)
        cross join lateral unnest(r.privileges) p
      union
      -- The SQL console reads what a CEO may read.
      select o.object_oid, o.object_kind, o.schema_name, o.object_name, 'bigbox_console', upper(p)
        from bigbox_access.api_objects() o
        join bigbox_access.access_rules r using (schema_name, object_name, object_kind)
        cross join lateral unnest(r.privileges) p
       where r.api_role = 'ceo' and p in ('select', 'execute')
    ),
    granted as (
      select o.object_oid, o.object_kind, o.schema_name, o.object_name,
             case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee)::text end as grantee,
             a.privilege_type as privilege
        from bigbox_access.api_objects() o
        cross join lateral aclexplode(case o.object_kind
            when 'function' then coalesce((select proacl from pg_proc where oid = o.object_oid),
                                          acldefault('f', (select proowner from pg_proc where oid = o.object_oid)))
            else coalesce((select relacl from pg_class where oid = o.object_oid),
                          acldefault((case o.object_kind when 'sequence' then 's' else 'r' end)::"char",
                                     (select relowner from pg_class where oid = o.object_oid))) end) a
       where a.grantee = 0 or pg_get_userbyid(a.grantee) = any(db_roles)
    )
    select 'revoke' as verb, g.* from (select * from granted except select * from wanted) g
    union all
    select 'grant', w.* from (select * from wanted where grantee <> 'public' except select * from granted) w
  loop
    target := case change.object_kind
      when 'function' then 'function ' || change.object_oid::regprocedure::text
      when 'sequence' then format('sequence %I.%I', change.schema_name, change.object_name)
      else format('table %I.%I', change.schema_name, change.object_name) end;
    execute format('%s %s on %s %s %I', change.verb, change.privilege, target,
                   case change.verb when 'grant' then 'to' else 'from' end, change.grantee);
  end loop;

  perform bigbox_access.apply_row_rules();
end
$$;

-- The policies that go with the grants: on a table a client may use, the restrictive "Client rows"
-- (its row_filter, for a confined caller; staff pass it); on a table a CEO may read, "Console read" for the SQL console's role. A policy is
-- replaced only when its rule changed (the comment holds the rule), so engines starting do not lock
-- the tables.
create or replace function bigbox_access.apply_row_rules() returns void
  language plpgsql
  set search_path = pg_catalog, public
  as $$
declare
  t record;
  condition text;
begin
  for t in
    select o.schema_name, o.object_name, o.object_oid, c.row_filter,
           ceo.privileges @> array['select'] as console_reads, ceo.privileges <> '{}' as granted
      from bigbox_access.api_objects() o
      join pg_class k on k.oid = o.object_oid and k.relkind in ('r', 'p')
      join bigbox_access.access_rules c on c.schema_name = o.schema_name and c.object_name = o.object_name
                                       and c.object_kind = 'table' and c.api_role = 'client'
      join bigbox_access.access_rules ceo on ceo.schema_name = o.schema_name and ceo.object_name = o.object_name
                                         and ceo.object_kind = 'table' and ceo.api_role = 'ceo'
     where o.object_kind = 'table'
  loop
    if not (select relrowsecurity from pg_class where oid = t.object_oid) and (t.granted or t.row_filter is not null) then
      execute format('alter table %I.%I enable row level security', t.schema_name, t.object_name);
    end if;
    condition := case when t.row_filter is null then null
                      else format('not bigbox_access.confined() or (%s)', t.row_filter) end;
    if (select obj_description(p.oid, 'pg_policy') from pg_policy p
         where p.polrelid = t.object_oid and p.polname = 'Client rows') is distinct from condition then
      if exists (select 1 from pg_policy p where p.polrelid = t.object_oid and p.polname = 'Client rows') then
        execute format('drop policy "Client rows" on %I.%I', t.schema_name, t.object_name);
      end if;
      if condition is not null then
        execute format('create policy "Client rows" on %I.%I as restrictive for all to authenticated using (%s) with check (%s)',
                       t.schema_name, t.object_name, condition, condition);
        execute format('comment on policy "Client rows" on %I.%I is %L', t.schema_name, t.object_name, condition);
      end if;
    end if;
    if t.console_reads and not exists (select 1 from pg_policy p where p.polrelid = t.object_oid and p.polname = 'Console read') then
      execute format('create policy "Console read" on %I.%I for select to bigbox_console using (true)', t.schema_name, t.object_name);
    elsif not t.console_reads and exists (select 1 from pg_policy p where p.polrelid = t.object_oid and p.polname = 'Console read') then
      execute format('drop policy if exists "Console read" on %I.%I', t.schema_name, t.object_name);
    end if;
  end loop;
end
$$;

-- The tenancy switch of V20 is gone: a client's token is confined to its client whatever the settings.
-- These stay callable (engines and scripts of earlier versions call them) and remove V20's policies.
create or replace function bigbox_access.disable_tenancy() returns void
  language plpgsql
  as $$
declare
  r record;
begin
  for r in select p.schemaname, p.tablename from pg_policies p where p.policyname = 'Tenant isolation' loop
    execute format('drop policy if exists "Tenant isolation" on %I.%I', r.schemaname, r.tablename);
  end loop;
end
$$;

create or replace function bigbox_access.enable_tenancy() returns void
  language sql
  as $$ select bigbox_access.disable_tenancy() $$;

create or replace function bigbox_access.tenancy_enabled() returns boolean
  language sql stable
  as $$ select true $$;

select bigbox_access.disable_tenancy();

-- The console's function now runs as the console's role: it owns it (security definer, so the query
-- still cannot change role, V49).
grant create on schema bigbox_dashboard to bigbox_console;
alter function bigbox_dashboard.console_query(text, integer) owner to bigbox_console;
revoke create on schema bigbox_dashboard from bigbox_console;
revoke all on schema bigbox_dashboard from authenticated;
grant usage on schema bigbox_dashboard to bigbox_console;
grant usage on schema public, auth, bigbox_access to bigbox_console;

-- Session-level advisory locks outlive the request that takes them (a console query could stall every
-- append), and transaction-level ones block appends while they last. The API roles keep the
-- transaction-level ones (the engine's own work in a caller's transaction takes them); only the
-- migrating role, the engine's login, keeps all. The console's role is in none of these.
do $$
declare
  f regprocedure;
begin
  for f in select p.oid::regprocedure from pg_proc p
            where p.pronamespace = 'pg_catalog'::regnamespace
              and (p.proname like 'pg\_advisory\_%' or p.proname like 'pg\_try\_advisory\_%')
  loop
    execute format('revoke execute on function %s from public', f);
    execute format('grant execute on function %s to %I', f, current_user);
    if f::text like '%xact%' then
      execute format('grant execute on function %s to anon, authenticated, service_role', f);
    end if;
  end loop;
  -- Extensions that open other sessions, should one be installed.
  for f in select p.oid::regprocedure from pg_proc p
            where p.proname like 'dblink%' or p.proname in ('pg_terminate_backend', 'pg_cancel_backend', 'pg_reload_conf')
  loop
    execute format('revoke execute on function %s from public', f);
    execute format('grant execute on function %s to %I', f, current_user);
  end loop;
end
$$;

-- What is created later starts denied: no function is callable by everyone, no table or sequence is
-- granted to an API role (Supabase grants both by default).
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges in schema public revoke all on sequences from anon, authenticated, service_role;
alter default privileges in schema public revoke all on functions from anon, authenticated, service_role;

select bigbox_access.apply_access_rules();

-- Autonomic operations: the approval queue (extends the seed's human_approvals), its audit trail and
-- comments, the durable job schedule, SOP versions and execution steps, and what the projections need.
-- Every new table: RLS with the seed's policy, grants to authenticated and service_role, client_id where
-- a row belongs to a client.

-- ---------------------------------------------------------------------------------------------
-- human_approvals: the seed's columns, plus what the queue needs.
-- ---------------------------------------------------------------------------------------------
alter table public.human_approvals
  add column if not exists client_id           text,
  add column if not exists correlation_id      uuid,
  add column if not exists decision_event_type text,
  add column if not exists evidence            uuid[] not null default '{}',
  add column if not exists action_class        text not null default 'routine',
  add column if not exists assigned_role       text,
  add column if not exists assigned_to         text,
  add column if not exists priority            text not null default 'medium',
  add column if not exists escalation_level    integer not null default 0,
  add column if not exists required_approvals  integer not null default 1,
  add column if not exists approved_by         text[] not null default '{}',
  add column if not exists silence_approves    boolean not null default false,
  add column if not exists info_requested      boolean not null default false,
  add column if not exists last_reminded_at    timestamptz,
  add column if not exists reminders_sent      integer not null default 0,
  add column if not exists modifications       jsonb,
  add column if not exists resolution          text,
  add column if not exists updated_at          timestamptz not null default now();

do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'human_approvals_priority_check') then
    alter table public.human_approvals
      add constraint human_approvals_priority_check check (priority in ('low', 'medium', 'high', 'critical')),
      add constraint human_approvals_escalation_level_check check (escalation_level >= 0),
      add constraint human_approvals_required_approvals_check check (required_approvals between 1 and 5),
      add constraint human_approvals_resolution_check
        check (resolution in ('approved', 'modified', 'rejected', 'approved_by_silence', 'expired')),
      add constraint human_approvals_modifications_is_object
        check (modifications is null or jsonb_typeof(modifications) = 'object');
  end if;
end
$$;

-- A writer that only sets the seed's status (supabase-js, psql) still leaves a resolved row: when and how.
create or replace function public.human_approvals_resolved() returns trigger
  language plpgsql
  as $$
begin
  if new.status <> 'pending' and old.status = 'pending' then
    new.resolved_at := coalesce(new.resolved_at, now());
    new.resolution := coalesce(new.resolution,
                               case new.status when 'timeout' then 'expired' else new.status end);
  end if;
  return new;
end
$$;

drop trigger if exists human_approvals_resolved on public.human_approvals;
create trigger human_approvals_resolved
  before update on public.human_approvals
  for each row execute function public.human_approvals_resolved();

create index if not exists idx_human_approvals_queue on public.human_approvals (status, priority, created_at);
create index if not exists idx_human_approvals_client on public.human_approvals (client_id);
create index if not exists idx_human_approvals_correlation on public.human_approvals (correlation_id);

-- Every change of an approval leaves an audit entry, whoever makes it (the engine, the REST API, psql).
-- The engine names the person with set_config('bigbox.actor', ..., true); others are recorded as their role.
create table if not exists public.human_approval_audit (
  audit_id    bigint generated always as identity primary key,
  approval_id uuid not null references public.human_approvals (approval_id) on delete cascade,
  client_id   text,
  action      text not null,
  actor       text not null,
  from_status text,
  to_status   text,
  details     jsonb not null default '{}'::jsonb,
  at          timestamptz not null default now()
);
create index if not exists idx_human_approval_audit_approval on public.human_approval_audit (approval_id, audit_id);

create table if not exists public.human_approval_comments (
  comment_id  uuid primary key default gen_random_uuid(),
  seq         bigint generated always as identity,
  approval_id uuid not null references public.human_approvals (approval_id) on delete cascade,
  client_id   text,
  author      text not null check (author <> '' and length(author) <= 200),
  body        text not null check (body <> '' and length(body) <= 10000),
  created_at  timestamptz not null default now()
);
create index if not exists idx_human_approval_comments_approval on public.human_approval_comments (approval_id, seq);

create or replace function public.human_approvals_audit() returns trigger
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  who text := coalesce(nullif(current_setting('bigbox.actor', true), ''), session_user::text);
  what text;
  changes jsonb := '{}'::jsonb;
begin
  if tg_op = 'INSERT' then
    insert into public.human_approval_audit (approval_id, client_id, action, actor, from_status, to_status, details, at)
    values (new.approval_id, new.client_id, 'requested', who, null, new.status,
            jsonb_build_object('agent_id', new.agent_id, 'action_class', new.action_class,
                               'assigned_role', new.assigned_role, 'priority', new.priority,
                               'timeout_at', new.timeout_at, 'required_approvals', new.required_approvals),
            new.created_at);
    return new;
  end if;
  if new.status is distinct from old.status then
    what := coalesce(new.resolution, new.status);
  elsif new.approved_by is distinct from old.approved_by then
    what := 'step_approved';
  elsif new.escalation_level is distinct from old.escalation_level then
    what := 'escalated';
  elsif new.assigned_role is distinct from old.assigned_role or new.assigned_to is distinct from old.assigned_to then
    what := 'assigned';
  elsif new.info_requested and not old.info_requested then
    what := 'info_requested';
  elsif new.reminders_sent is distinct from old.reminders_sent then
    what := 'reminded';
  else
    what := 'updated';
  end if;
  if new.assigned_role is distinct from old.assigned_role then
    changes := changes || jsonb_build_object('assigned_role', jsonb_build_array(old.assigned_role, new.assigned_role));
  end if;
  if new.assigned_to is distinct from old.assigned_to then
    changes := changes || jsonb_build_object('assigned_to', jsonb_build_array(old.assigned_to, new.assigned_to));
  end if;
  if new.escalation_level is distinct from old.escalation_level then
    changes := changes || jsonb_build_object('escalation_level', jsonb_build_array(old.escalation_level, new.escalation_level));
  end if;
  if new.timeout_at is distinct from old.timeout_at then
    changes := changes || jsonb_build_object('timeout_at', jsonb_build_array(old.timeout_at, new.timeout_at));
  end if;
  if new.approved_by is distinct from old.approved_by then
    changes := changes || jsonb_build_object('approved_by', to_jsonb(new.approved_by));
  end if;
  if new.resolution_notes is distinct from old.resolution_notes then
    changes := changes || jsonb_build_object('notes', new.resolution_notes);
  end if;
  if new.modifications is distinct from old.modifications then
    changes := changes || jsonb_build_object('modifications', new.modifications);
  end if;
  insert into public.human_approval_audit (approval_id, client_id, action, actor, from_status, to_status, details, at)
  values (new.approval_id, new.client_id, what, who, old.status, new.status, changes, new.updated_at);
  return new;
end
$$;

drop trigger if exists human_approvals_audit on public.human_approvals;
create trigger human_approvals_audit
  after insert or update on public.human_approvals
  for each row execute function public.human_approvals_audit();

create or replace function public.human_approval_comments_audit() returns trigger
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
begin
  insert into public.human_approval_audit (approval_id, client_id, action, actor, details, at)
  values (new.approval_id, new.client_id, 'commented', new.author,
          jsonb_build_object('comment_id', new.comment_id), new.created_at);
  return new;
end
$$;

drop trigger if exists human_approval_comments_audit on public.human_approval_comments;
create trigger human_approval_comments_audit
  after insert on public.human_approval_comments
  for each row execute function public.human_approval_comments_audit();

-- ---------------------------------------------------------------------------------------------
-- scheduled_jobs: durable, cluster-wide schedule. A due job is claimed with FOR UPDATE SKIP LOCKED and
-- completed in the same transaction as its effects, so it survives restarts and runs once. 'running'
-- is only ever seen inside the claiming transaction: a crash rolls it back to 'scheduled'.
-- ---------------------------------------------------------------------------------------------
create table if not exists public.scheduled_jobs (
  job_id        uuid primary key default gen_random_uuid(),
  kind          text not null check (kind <> '' and length(kind) <= 100),
  job_key       text not null check (job_key <> '' and length(job_key) <= 300),
  payload       jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  run_at        timestamptz not null,
  every_seconds bigint check (every_seconds is null or every_seconds >= 1),
  status        text not null default 'scheduled' check (status in ('scheduled', 'running', 'done', 'failed', 'cancelled')),
  attempts      integer not null default 0 check (attempts >= 0),
  last_error    text,
  last_run_at   timestamptz,
  last_run_by   text,
  client_id     text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  constraint scheduled_jobs_kind_key unique (kind, job_key)
);
create index if not exists idx_scheduled_jobs_due on public.scheduled_jobs (run_at) where status = 'scheduled';

-- ---------------------------------------------------------------------------------------------
-- SOPs: one active version per SOP, content checksums, where each version came from; executions
-- keep their client, trigger and steps.
-- ---------------------------------------------------------------------------------------------
alter table public.sop_definitions
  add column if not exists checksum text,
  add column if not exists source   text;
create unique index if not exists idx_sop_definitions_one_active on public.sop_definitions (sop_id)
  where deactivated_at is null;

alter table public.sop_executions
  add column if not exists client_id        text,
  add column if not exists trigger_event_id uuid,
  add column if not exists corrections      integer not null default 0,
  add column if not exists updated_at       timestamptz not null default now();
create index if not exists idx_sop_executions_running on public.sop_executions (correlation_id)
  where status in ('in_progress', 'escalated');
create index if not exists idx_sop_executions_client on public.sop_executions (client_id);

create table if not exists public.sop_execution_steps (
  execution_id          uuid not null references public.sop_executions (execution_id) on delete cascade,
  step_id               text not null,
  position              integer not null check (position >= 0),
  name                  text not null,
  automation_level      text not null check (automation_level in ('full', 'assisted', 'manual')),
  status                text not null check (status in ('pending', 'ready', 'completed', 'skipped', 'failed', 'escalated', 'standby')),
  required              boolean not null,
  automated             boolean,
  human_minutes         numeric(10,2) check (human_minutes >= 0),
  cost                  numeric(10,2) check (cost >= 0),
  task_id               text,
  ready_at              timestamptz,
  completed_at          timestamptz,
  completing_event_id   uuid,
  completing_event_type text,
  client_id             text,
  primary key (execution_id, step_id)
);

-- ---------------------------------------------------------------------------------------------
-- Projections: agent_metrics keeps the counts its figures come from; client_health keeps its reasons.
-- Both are derived from events only (see docs/autonomic.md).
-- ---------------------------------------------------------------------------------------------
alter table public.agent_metrics
  add column if not exists decisions            integer not null default 0,
  add column if not exists autonomous_decisions integer not null default 0,
  add column if not exists approvals_agreed     integer not null default 0,
  add column if not exists approvals_overridden integer not null default 0,
  add column if not exists approvals_rejected   integer not null default 0;

alter table public.client_health
  add column if not exists health_reasons jsonb not null default '[]'::jsonb;

-- The projections count a client's events by payload->>'client_id' and an agent's verdicts by
-- payload->>'agent_id'.
create index if not exists idx_events_client on public.events ((payload ->> 'client_id'), "timestamp");
create index if not exists idx_events_agent_verdicts on public.events ((payload ->> 'agent_id'), "timestamp")
  where event_type in ('AUTONOMIC_DECISION_EXECUTED', 'HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED',
                       'HUMAN_APPROVAL_GRANTED', 'HUMAN_OVERRIDE', 'HUMAN_APPROVAL_REJECTED', 'APPROVED_BY_SILENCE');
create index if not exists idx_events_emitted_by_time on public.events (emitted_by, "timestamp");

-- Where each agent's and projection's subscription stands (GET /api/v1/agents), for callers who may not
-- read the engine's checkpoints and leases themselves: a subscription runs where its advisory lease
-- (hashtext('bigbox.subscription'), hashtext(name)) is held; its lag is the events after its checkpoint.
create or replace function public.subscription_status(p_names text[])
  returns table (name text, owner text, running boolean, global_position bigint, lag bigint, updated_at timestamptz)
  language sql stable
  security definer
  set search_path = pg_catalog, public
  as $$
    select n.name, c.owner,
           exists (select 1 from pg_locks l
                    where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                      and l.classid::bigint = (hashtext('bigbox.subscription')::bigint & 4294967295)
                      and l.objid::bigint = (hashtext(n.name)::bigint & 4294967295)
                      and l.database = (select oid from pg_database where datname = current_database())),
           coalesce(c.global_position, 0),
           (select count(*) from public.events e
             where (e.transaction_seq, e.global_position)
                   > (coalesce(c.transaction_seq, 0), coalesce(c.global_position, 0))),
           c.updated_at
      from unnest(p_names) as n(name)
      left join public.subscription_checkpoints c on c.subscription_name = n.name
  $$;
revoke all on function public.subscription_status(text[]) from public;
grant execute on function public.subscription_status(text[]) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Access: the seed's policy on every new table; grants as for the seed's tables.
-- ---------------------------------------------------------------------------------------------
alter table public.human_approval_audit enable row level security;
alter table public.human_approval_comments enable row level security;
alter table public.scheduled_jobs enable row level security;
alter table public.sop_execution_steps enable row level security;

do $$
declare
  t text;
begin
  foreach t in array array['human_approval_audit', 'human_approval_comments', 'scheduled_jobs', 'sop_execution_steps']
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

grant select, insert, update, delete on public.human_approval_comments, public.scheduled_jobs,
  public.sop_execution_steps to authenticated, service_role;
-- The audit trail is written by its trigger only: readers may read it, nobody may rewrite it.
grant select on public.human_approval_audit to authenticated, service_role;

do $$
begin
  if not exists (select 1 from pg_publication_tables
                  where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'human_approval_comments') then
    alter publication supabase_realtime add table public.human_approval_comments;
  end if;
end
$$;

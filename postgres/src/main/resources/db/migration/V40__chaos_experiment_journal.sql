-- Operations: chaos experiments as the Chaos Toolkit shapes them, the faults they inject across the
-- cluster, what the probe subscription handled (for the total check), and the cluster's instances.

-- The seed's chaos_experiments keeps its columns; a run also records its definition, the hypothesis
-- checked before and after, every activity with its output, the findings and the score.
alter table public.chaos_experiments
  add column if not exists title              text,
  add column if not exists definition_version text,
  add column if not exists definition_sha256  text,
  add column if not exists definition         jsonb,
  add column if not exists rollback_strategy  text check (rollback_strategy in ('always', 'never', 'deviated')),
  add column if not exists hypothesis_before  jsonb,
  add column if not exists hypothesis_after   jsonb,
  add column if not exists actions            jsonb,
  add column if not exists rollbacks          jsonb,
  add column if not exists findings           jsonb,
  add column if not exists deviated           boolean,
  add column if not exists resilience_score   numeric(3,2) check (resilience_score >= 0 and resilience_score <= 1),
  add column if not exists run_by             text;
create index if not exists idx_chaos_experiments_ended on public.chaos_experiments (ended_at desc);

-- Faults in force: every instance's fault-injecting handlers read this table, so one row reaches the
-- whole cluster. Protected event types can never be targeted.
create table if not exists public.chaos_faults (
  fault_id            uuid primary key default gen_random_uuid(),
  experiment_id       uuid references public.chaos_experiments (experiment_id),
  kind                text not null check (kind in ('delay_event', 'drop_event', 'lower_confidence',
                                                    'simulate_agent_failure', 'simulate_human_absence')),
  intensity           text not null check (intensity in ('low', 'medium', 'high')),
  target_subscription text,
  target_event_types  text[] not null default '{}'
                        check (not target_event_types && array['PAYMENT_RECEIVED', 'INVOICE_ISSUED',
                                                               'CEO_INTERRUPT_REQUIRED', 'HUMAN_OVERRIDE']),
  target_role         text,
  delay_ms            integer check (delay_ms between 1 and 60000),
  confidence_drop     numeric(3,2) check (confidence_drop > 0 and confidence_drop <= 1),
  starts_at           timestamptz not null default now(),
  ends_at             timestamptz not null,
  created_at          timestamptz not null default now(),
  check (ends_at > starts_at),
  check (kind <> 'delay_event' or delay_ms is not null),
  check (kind <> 'lower_confidence' or confidence_drop is not null),
  check (kind <> 'simulate_human_absence' or target_role is not null)
);
create index if not exists idx_chaos_faults_ends on public.chaos_faults (ends_at);

-- Which events a fault touched, once per handler: the experiment's events_affected.
create table if not exists public.chaos_fault_hits (
  fault_id     uuid not null references public.chaos_faults (fault_id) on delete cascade,
  subscription text not null,
  event_id     uuid not null,
  effect       text not null,
  instance     text,
  hit_at       timestamptz not null default now(),
  primary key (fault_id, subscription, event_id)
);

-- Database-level faults (slow writes): the trigger an experiment installs reads its window here, so
-- it does nothing once the window has passed even if nobody removes it.
create table if not exists public.chaos_database_faults (
  fault_id      uuid primary key default gen_random_uuid(),
  experiment_id uuid references public.chaos_experiments (experiment_id),
  kind          text not null check (kind in ('slow_writes')),
  delay_ms      integer not null check (delay_ms between 1 and 60000),
  starts_at     timestamptz not null default now(),
  ends_at       timestamptz not null,
  check (ends_at > starts_at)
);

create or replace function public.chaos_slow_writes() returns trigger
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  delay integer;
begin
  select max(f.delay_ms) into delay from public.chaos_database_faults f
   where f.kind = 'slow_writes' and clock_timestamp() >= f.starts_at and clock_timestamp() < f.ends_at;
  if delay is not null then
    perform pg_sleep(delay / 1000.0);
  end if;
  return null;
end
$$;

-- The total check's durable side: one row per handling by the chaos-probe subscription, with no
-- unique key, so a second effect of one event shows up as a duplicate instead of being hidden.
create table if not exists public.chaos_probe_deliveries (
  run_id       text not null,
  event_id     uuid not null,
  instance     text not null,
  delivered_at timestamptz not null default now()
);
create index if not exists idx_chaos_probe_deliveries_run on public.chaos_probe_deliveries (run_id);

-- The cluster's instances, as each announces itself (a heartbeat every few seconds): where to reach
-- it, and whether it hosts the embedded database or offers the chaos control surface.
create table if not exists public.engine_instances (
  instance_name     text primary key check (instance_name <> ''),
  url               text not null,
  started_at        timestamptz not null,
  heartbeat_at      timestamptz not null default now(),
  embedded_database boolean not null default false,
  chaos_admin       boolean not null default false
);

do $$
declare
  t text;
begin
  foreach t in array array['chaos_faults', 'chaos_fault_hits', 'chaos_database_faults', 'chaos_probe_deliveries',
                           'engine_instances']
  loop
    execute format('alter table public.%I enable row level security', t);
    if not exists (select 1 from pg_policies
                    where schemaname = 'public' and tablename = t
                      and policyname = 'Enable all for authenticated users') then
      execute format('create policy "Enable all for authenticated users" on public.%I
                        for all to authenticated using (true) with check (true)', t);
    end if;
  end loop;
end
$$;

grant select, insert, update, delete on public.chaos_faults, public.chaos_fault_hits, public.chaos_database_faults,
  public.chaos_probe_deliveries, public.engine_instances to authenticated, service_role;

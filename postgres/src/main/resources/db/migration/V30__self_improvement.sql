-- Self-improvement: the loops' signals (gaps, margin leaks, optimizations, drift alerts, doctrine
-- violations; acknowledgeable) and SOP proposals. Both are projections (improvement_signals): rebuilt
-- from the log by `bigbox replay`.
create table if not exists public.improvement_signals (
  signal_id       uuid primary key,
  event_type      text not null,
  kind            text not null check (kind in ('gap', 'margin', 'optimization', 'drift', 'violation')),
  subject         text not null,
  severity        text not null check (severity in ('medium', 'high')),
  requires_human  boolean not null,
  monthly_impact  numeric(14,2),
  figures         jsonb not null check (jsonb_typeof(figures) = 'object'),
  raised_at       timestamptz not null,
  due_at          timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by text,
  acknowledgement_id uuid
);
create index if not exists idx_improvement_signals_open on public.improvement_signals (event_type, subject)
  where acknowledged_at is null;
create index if not exists idx_improvement_signals_raised on public.improvement_signals (raised_at);

create table if not exists public.sop_proposals (
  proposal_id       uuid primary key,
  sop_id            text not null,
  from_version      integer not null,
  to_document_version text,
  changes           jsonb not null,
  expected_monthly_impact numeric(14,2) not null,
  mechanism         text not null check (mechanism in ('auto_approve', 'silent_timeout', 'explicit_human')),
  status            text not null default 'pending'
                      check (status in ('pending', 'activated', 'rejected', 'expired', 'reverted')),
  activated_version integer,
  decided_by        text,
  proposed_at       timestamptz not null,
  decided_at        timestamptz
);
create index if not exists idx_sop_proposals_sop on public.sop_proposals (sop_id, status);

alter table public.improvement_signals enable row level security;
alter table public.sop_proposals enable row level security;

do $$
declare
  t text;
begin
  foreach t in array array['improvement_signals', 'sop_proposals']
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

grant select, insert, update, delete on public.improvement_signals, public.sop_proposals to authenticated, service_role;

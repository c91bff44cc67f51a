-- GET /api/ceo/automation-report (a week, a month or a quarter up to now) and /api/oversight/stats (all
-- time) counted and summed every event of their range in the log (autonomy_report.sql): a quarter of a
-- year's 1,000,000 events is about 250,000 heap rows, all time four times that, and ten times both at
-- 10,000,000. The per-day projection of V78 already has the counts; it now also keeps, per UTC day and
-- type, the sums of the three payload numbers the report adds up, and the report takes the whole days of
-- its range from there and only the part days at its two ends from the log.

create table if not exists public.event_sums_by_day (
  day        date    not null,
  event_type text    not null,
  -- the payload's field: human_hours and estimated_cost of SOP_EXECUTION_COMPLETED, amount of PAYMENT_RECEIVED
  field      text    not null,
  total      numeric not null,
  primary key (day, event_type, field)
);

create or replace function public.event_stats_catch_up(p_batch integer default 50000) returns bigint
  language plpgsql volatile
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  at record;
  horizon bigint;
  folded bigint;
  total bigint := 0;
begin
  loop
    select * into at from public.event_stats_position for update;
    horizon := public.events_settled_horizon();
    if horizon is null then
      return total;
    end if;
    with batch as materialized (
      select e.event_type, e.emitted_by, e.confidence, e.correlation_id, e.transaction_seq, e.global_position,
             e.metadata ->> 'requires_human' = 'true' as requires_human,
             (e."timestamp" at time zone 'UTC')::date as day, e.payload ->> 'sop_execution_id' is not null as in_sop,
             case when e.event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(e.payload -> 'human_hours') = 'number'
                  then (e.payload ->> 'human_hours')::numeric end as human_hours,
             case when e.event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(e.payload -> 'estimated_cost') = 'number'
                  then (e.payload ->> 'estimated_cost')::numeric end as estimated_cost,
             case when e.event_type = 'PAYMENT_RECEIVED' and jsonb_typeof(e.payload -> 'amount') = 'number'
                  then (e.payload ->> 'amount')::numeric end as amount
        from public.events e
       where (e.transaction_seq, e.global_position) > (at.transaction_seq, at.global_position)
         and e.transaction_seq between at.transaction_seq and horizon - 1
       order by e.transaction_seq, e.global_position
       limit p_batch),
    -- Data-modifying CTEs run whether or not they are referenced.
    counted as (
      insert into public.event_stats as s (event_type, emitted_by, events, confidence_sum, confidence_count, requiring_human)
      select event_type, emitted_by, count(*), coalesce(sum(confidence), 0), count(confidence),
             count(*) filter (where requires_human)
        from batch group by event_type, emitted_by
      on conflict (event_type, emitted_by) do update
        set events = s.events + excluded.events,
            confidence_sum = s.confidence_sum + excluded.confidence_sum,
            confidence_count = s.confidence_count + excluded.confidence_count,
            requiring_human = s.requiring_human + excluded.requiring_human
      returning 1),
    by_day as (
      insert into public.event_counts_by_day as d (day, event_type, emitted_by, in_sop, events)
      select day, event_type, emitted_by, in_sop, count(*) from batch group by day, event_type, emitted_by, in_sop
      on conflict (day, event_type, emitted_by, in_sop) do update set events = d.events + excluded.events
      returning 1),
    summed as (
      insert into public.event_sums_by_day as t (day, event_type, field, total)
      select b.day, b.event_type, f.field, sum(f.value)
        from batch b,
             lateral (values ('human_hours', b.human_hours), ('estimated_cost', b.estimated_cost), ('amount', b.amount))
               as f (field, value)
       where f.value is not null
       group by b.day, b.event_type, f.field
      on conflict (day, event_type, field) do update set total = t.total + excluded.total
      returning 1),
    new_flows as (
      insert into public.event_stats_flows (correlation_id)
      select distinct correlation_id from batch
      on conflict do nothing
      returning 1),
    last as (
      select b.transaction_seq, b.global_position from batch b
       order by b.transaction_seq desc, b.global_position desc limit 1)
    update public.event_stats_position p
       set transaction_seq = last.transaction_seq, global_position = last.global_position,
           flows = p.flows + (select count(*) from new_flows)
      from last
    returning (select count(*) from batch) into folded;
    total := total + coalesce(folded, 0);
    exit when folded is null or folded < p_batch;
  end loop;
  return total;
end
$$;

-- What the projection folded before this migration, summed once under the position's lock (as V78 did for
-- the counts), so that a catch-up running meanwhile neither misses nor adds twice an event.
do $$
declare
  at record;
begin
  select * into at from public.event_stats_position for update;
  insert into public.event_sums_by_day (day, event_type, field, total)
  select (e."timestamp" at time zone 'UTC')::date, e.event_type, f.field, sum((e.payload ->> f.field)::numeric)
    from public.events e
    join (values ('SOP_EXECUTION_COMPLETED', 'human_hours'), ('SOP_EXECUTION_COMPLETED', 'estimated_cost'),
                 ('PAYMENT_RECEIVED', 'amount')) as f (event_type, field)
      on f.event_type = e.event_type
   where (e.transaction_seq, e.global_position) <= (at.transaction_seq, at.global_position)
     and jsonb_typeof(e.payload -> f.field) = 'number'
   group by 1, 2, 3
  on conflict (day, event_type, field) do update set total = event_sums_by_day.total + excluded.total;
end
$$;

-- The original's autonomy report over [p_from, p_to): the whole UTC days inside it from the projections,
-- the part days at its ends from the log's events (at most two days of them), and the events the projection
-- has not folded yet from the log too: the figures equal a scan of the range. For staff, not a client's
-- token: the figures cover every client.
create or replace function public.autonomy_report_between(p_from timestamptz, p_to timestamptz)
  returns table (autonomous_decisions bigint, human_approvals bigint, ceo_interrupts bigint,
                 approved_as_proposed bigint, overrides bigint, rejections bigint, approved_by_silence bigint,
                 sop_executions_completed bigint, human_hours numeric, sop_cost numeric, revenue numeric)
  language plpgsql volatile
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  types constant text[] := array['AUTONOMIC_DECISION_EXECUTED', 'HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED',
                                 'HUMAN_APPROVAL_GRANTED', 'APPROVED_BY_SILENCE', 'HUMAN_OVERRIDE',
                                 'HUMAN_APPROVAL_REJECTED', 'SOP_EXECUTION_COMPLETED', 'PAYMENT_RECEIVED'];
  -- the first whole day starts at or after p_from; the whole days end at the last midnight at or before p_to
  first_day date := (p_from at time zone 'UTC')::date
                    + case when p_from = ((p_from at time zone 'UTC')::date)::timestamp at time zone 'UTC'
                           then 0 else 1 end;
  end_day date := (p_to at time zone 'UTC')::date;
  head_to timestamptz;
  tail_from timestamptz;
  at_seq bigint;
  at_position bigint;
begin
  if (auth.jwt() ->> 'client_id') is not null then
    raise exception 'autonomy_report_between covers every client: a client''s token reads its own events instead'
      using errcode = '42501';
  end if;
  if first_day < end_day then
    head_to := first_day::timestamp at time zone 'UTC';
    tail_from := end_day::timestamp at time zone 'UTC';
  else
    -- no whole day inside: the log alone, once
    first_day := null;
    head_to := p_to;
    tail_from := p_to;
  end if;
  perform public.event_stats_catch_up();
  select p.transaction_seq, p.global_position into at_seq, at_position from public.event_stats_position p;
  return query
    -- From the log: the part days at both ends (idx_events_timestamp), and the whole days' events committed behind
    -- a writer still open, which the projection has not folded yet (idx_events_commit_order), as event_stats does.
    with edges as (
      select e.event_type, e.payload from public.events e
       where e."timestamp" >= p_from and e."timestamp" < head_to and e.event_type = any(types)
      union all
      select e.event_type, e.payload from public.events e
       where e."timestamp" >= tail_from and e."timestamp" < p_to and e.event_type = any(types)
      union all
      select e.event_type, e.payload from public.events e
       where (e.transaction_seq, e.global_position) > (at_seq, at_position)
         and e.transaction_seq between at_seq and 9223372036854775807
         and e."timestamp" >= head_to and e."timestamp" < tail_from and e.event_type = any(types)
    ), counted as (
      select d.event_type, d.events as n
        from public.event_counts_by_day d
       where d.day >= first_day and d.day < end_day and d.event_type = any(types)
      union all
      select e.event_type, 1 from edges e
    ), summed as (
      select s.event_type, s.field, s.total
        from public.event_sums_by_day s
       where s.day >= first_day and s.day < end_day
      union all
      select e.event_type, f.field, (e.payload ->> f.field)::numeric
        from edges e, lateral (values ('human_hours'), ('estimated_cost'), ('amount')) as f (field)
       where e.event_type in ('SOP_EXECUTION_COMPLETED', 'PAYMENT_RECEIVED')
         and jsonb_typeof(e.payload -> f.field) = 'number'
    )
    select coalesce(sum(c.n) filter (where c.event_type = 'AUTONOMIC_DECISION_EXECUTED'), 0)::bigint,
           coalesce(sum(c.n) filter (where c.event_type = 'HUMAN_APPROVAL_REQUESTED'), 0)::bigint,
           coalesce(sum(c.n) filter (where c.event_type = 'CEO_INTERRUPT_REQUIRED'), 0)::bigint,
           coalesce(sum(c.n) filter (where c.event_type in ('HUMAN_APPROVAL_GRANTED', 'APPROVED_BY_SILENCE')), 0)::bigint,
           coalesce(sum(c.n) filter (where c.event_type = 'HUMAN_OVERRIDE'), 0)::bigint,
           coalesce(sum(c.n) filter (where c.event_type = 'HUMAN_APPROVAL_REJECTED'), 0)::bigint,
           coalesce(sum(c.n) filter (where c.event_type = 'APPROVED_BY_SILENCE'), 0)::bigint,
           coalesce(sum(c.n) filter (where c.event_type = 'SOP_EXECUTION_COMPLETED'), 0)::bigint,
           (select coalesce(sum(s.total), 0) from summed s
             where s.event_type = 'SOP_EXECUTION_COMPLETED' and s.field = 'human_hours'),
           (select coalesce(sum(s.total), 0) from summed s
             where s.event_type = 'SOP_EXECUTION_COMPLETED' and s.field = 'estimated_cost'),
           (select coalesce(sum(s.total), 0) from summed s where s.event_type = 'PAYMENT_RECEIVED' and s.field = 'amount')
      from counted c;
end
$$;

select bigbox_access.declare_rules($rules$[
  ["public", "event_sums_by_day",       "table",    "",  "",  "", "", "",  null],
  ["public", "autonomy_report_between", "function", "x", "x", "", "", "x", null]
]$rules$);

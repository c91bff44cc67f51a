-- The weekly review counted a quarter of the log's events each time (GET /api/v1/reviews/weekly: the
-- 13 weeks' TASK_CREATED people wrote and AUTONOMIC_DECISION_EXECUTED, 265-280 ms each at 1,000,000
-- events over a year, psql; ten times that at 10,000,000): every event of the range was fetched from
-- the heap through idx_events_timestamp to test its type, emitter and payload. The event_stats
-- projection now also keeps the events per UTC day, type, emitter and whether an SOP execution wrote
-- them; a range of whole days is a sum over a few hundred rows whatever the history's length.

create table if not exists public.event_counts_by_day (
  day        date    not null,
  event_type text    not null,
  emitted_by text    not null,
  -- payload ->> 'sop_execution_id' is set: the work of an SOP execution, not a person's own.
  in_sop     boolean not null,
  events     bigint  not null,
  primary key (day, event_type, emitted_by, in_sop)
);

-- The catch-up folds each batch into the days too.
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
             (e."timestamp" at time zone 'UTC')::date as day, e.payload ->> 'sop_execution_id' is not null as in_sop
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

-- What the projection folded before this migration, counted once under the position's lock, so that a
-- catch-up running meanwhile neither misses nor counts twice an event.
do $$
declare
  at record;
begin
  select * into at from public.event_stats_position for update;
  insert into public.event_counts_by_day (day, event_type, emitted_by, in_sop, events)
  select (e."timestamp" at time zone 'UTC')::date, e.event_type, e.emitted_by, e.payload ->> 'sop_execution_id' is not null,
         count(*)
    from public.events e
   where (e.transaction_seq, e.global_position) <= (at.transaction_seq, at.global_position)
   group by 1, 2, 3, 4
  on conflict (day, event_type, emitted_by, in_sop) do update set events = event_counts_by_day.events + excluded.events;
end
$$;

-- The events per type, emitter and SOP origin over whole UTC days [p_from, p_to), caught up first;
-- for staff (the weekly review), not a client's token: the counts cover every client.
create or replace function public.event_counts_between(p_from date, p_to date)
  returns table (event_type text, emitted_by text, in_sop boolean, events bigint)
  language plpgsql volatile
  security definer
  set search_path = pg_catalog, public
  as $$
begin
  if (auth.jwt() ->> 'client_id') is not null then
    raise exception 'event_counts_between covers every client: a client''s token reads its own events instead'
      using errcode = '42501';
  end if;
  perform public.event_stats_catch_up();
  return query
    select d.event_type, d.emitted_by, d.in_sop, sum(d.events)::bigint
      from public.event_counts_by_day d
     where d.day >= p_from and d.day < p_to
     group by d.event_type, d.emitted_by, d.in_sop;
end
$$;

select bigbox_access.declare_rules($rules$[
  ["public", "event_counts_by_day",  "table",    "",  "",  "", "", "",  null],
  ["public", "event_counts_between", "function", "x", "x", "", "", "x", null]
]$rules$);

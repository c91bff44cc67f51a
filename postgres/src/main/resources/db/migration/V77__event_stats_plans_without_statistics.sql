-- GET /api/events/stats grew with the history in the bench (23 -> 218 ms from 10,000 to 100,000 events)
-- although every statement it runs is an index range when the planner knows the table: right after a
-- set-based load (an import, the bench) autovacuum has not analyzed events yet, and with no statistics
-- an open range such as `"timestamp" > now - 24 hours` or `(transaction_seq, global_position) > (...)`
-- is taken to match a third of the log, so the 24-hour count and the projection's tail scanned it
-- (psql, 100,000 events not yet analyzed: 150-210 ms per event_stats() call, of which 73 ms the tail's
-- scan and 77 ms the day's count; analyzed: under 2 ms). Each range now has a second bound that every
-- row meets ('infinity', the largest ticket): a range with both ends is estimated as narrow without
-- statistics and exactly with them, so the index is chosen either way.

-- The catch-up's batch: below the horizon, from the position.
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
             e.metadata ->> 'requires_human' = 'true' as requires_human
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

create or replace function public.event_stats_counts()
  returns table (event_type text, emitted_by text, events bigint, confidence_sum numeric, confidence_count bigint,
                 requiring_human bigint, new_flows bigint)
  language plpgsql stable
  security definer
  set search_path = pg_catalog, public
  as $$
declare
  at_seq bigint;
  at_position bigint;
begin
  select p.transaction_seq, p.global_position into at_seq, at_position from public.event_stats_position p;
  return query
    with tail as materialized (
      select e.event_type, e.emitted_by, e.confidence, e.correlation_id,
             e.metadata ->> 'requires_human' = 'true' as requires_human
        from public.events e
       where (e.transaction_seq, e.global_position) > (at_seq, at_position)
         and e.transaction_seq between at_seq and 9223372036854775807)
    select s.event_type, s.emitted_by, s.events, s.confidence_sum, s.confidence_count, s.requiring_human, 0::bigint
      from public.event_stats s
    union all
    select t.event_type, t.emitted_by, count(*), coalesce(sum(t.confidence), 0), count(t.confidence),
           count(*) filter (where t.requires_human), 0::bigint
      from tail t group by t.event_type, t.emitted_by
    union all
    select null::text, null::text, 0::bigint, 0::numeric, 0::bigint, 0::bigint, count(distinct t.correlation_id)
      from tail t
     where not exists (select 1 from public.event_stats_flows f where f.correlation_id = t.correlation_id);
end
$$;

create or replace function public.event_stats(p_now timestamptz)
  returns table (total_events bigint, flows bigint, avg_confidence numeric, last_24h bigint, requiring_human bigint,
                 first_event_at timestamptz, last_event_at timestamptz)
  language plpgsql volatile
  security definer
  set search_path = pg_catalog, public
  as $$
begin
  if (auth.jwt() ->> 'client_id') is not null then
    raise exception 'event_stats covers every client: a client''s token reads its own events instead'
      using errcode = '42501';
  end if;
  perform public.event_stats_catch_up();
  return query
    select coalesce(sum(c.events), 0)::bigint,
           (select p.flows from public.event_stats_position p) + coalesce(sum(c.new_flows), 0)::bigint,
           round(sum(c.confidence_sum) / nullif(sum(c.confidence_count), 0), 2),
           -- idx_events_timestamp: the events of the last day, not the history.
           (select count(*) from public.events e
             where e."timestamp" > p_now - interval '24 hours' and e."timestamp" <= 'infinity'),
           coalesce(sum(c.requiring_human), 0)::bigint,
           (select min(e."timestamp") from public.events e),
           (select max(e."timestamp") from public.events e)
      from public.event_stats_counts() c;
end
$$;

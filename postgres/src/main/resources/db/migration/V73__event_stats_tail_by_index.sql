-- event_stats_counts() compared the log's commit order with a row of a joined table, which the
-- planner cannot turn into a range of idx_events_commit_order: every call scanned the log (the
-- bench's history phase: GET /api/events/stats 4-5 s at 10,000 and 1,000,000 events). The position
-- is now read into variables first, so the tail is an index range of what the projection has not
-- folded yet (planned with the values, as PL/pgSQL plans its first calls and keeps the plan while
-- the generic one would cost more).
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
       where (e.transaction_seq, e.global_position) > (at_seq, at_position))
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

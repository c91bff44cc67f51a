-- GET /api/v1/agents reads each agent's lag. It was count(*) of every event after the agent's
-- checkpoint, so an agent that had not run (BIGBOX_AGENTS=off) cost a scan of the whole log per
-- request: 5.6 s at 2,000,000 events. The count now stops at 10,000 events (an index-only range of
-- idx_events_commit_order); past that the lag is estimated from global positions (the identity
-- numbers events densely, less rolled-back inserts), which is as precise as anyone reading "how far
-- behind" needs, at a cost that does not grow with the history.
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
           case when counted.lag < 10000 then counted.lag
                else greatest(10000, (select max(e.global_position) from public.events e) - coalesce(c.global_position, 0))
           end,
           c.updated_at
      from unnest(p_names) as n(name)
      left join public.subscription_checkpoints c on c.subscription_name = n.name
      cross join lateral (
        select count(*) as lag
          from (select 1 from public.events e
                 where (e.transaction_seq, e.global_position)
                       > (coalesce(c.transaction_seq, 0), coalesce(c.global_position, 0))
                 limit 10000) behind) counted
  $$;

-- GET /api/approvals/stats, /api/ceo/system-health and /api/oversight/stats counted every approval ever
-- made: by status, by resolution, the mean time to resolve and (the last) by oversight rule, each a scan of
-- human_approvals. psql, 250,000 approvals (about what a 10,000,000-event log holds), 200-340 ms each.
-- Counters now: a trigger on human_approvals writes each row's change as a delta (never updating a shared
-- row, so approval writers neither queue nor deadlock on a counter), and the read folds the deltas into
-- the totals first, the way the event_stats catch-up folds the log.

create table if not exists public.human_approval_counts (
  status           text    not null,
  resolution       text    not null, -- '' for none yet
  rule             text    not null, -- decision_context ->> 'rule', 'unknown' when absent
  approvals        bigint  not null,
  resolved         bigint  not null, -- of them, with resolved_at
  resolved_seconds numeric not null, -- their resolved_at - created_at, added up
  primary key (status, resolution, rule)
);

create table if not exists public.human_approval_count_changes (
  change_id        bigint  generated always as identity primary key,
  status           text    not null,
  resolution       text    not null,
  rule             text    not null,
  approvals        integer not null,
  resolved         integer not null,
  resolved_seconds numeric not null
);

create or replace function public.human_approvals_count() returns trigger
  language plpgsql
  security definer
  set search_path = pg_catalog, public
  as $$
begin
  if tg_op = 'UPDATE'
     and old.status = new.status
     and old.resolution is not distinct from new.resolution
     and old.decision_context ->> 'rule' is not distinct from new.decision_context ->> 'rule'
     and old.resolved_at is not distinct from new.resolved_at
     and old.created_at = new.created_at then
    return null; -- a reminder, a comment, an escalation: nothing counted changed
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into public.human_approval_count_changes (status, resolution, rule, approvals, resolved, resolved_seconds)
    values (old.status, coalesce(old.resolution, ''), coalesce(old.decision_context ->> 'rule', 'unknown'), -1,
            -(old.resolved_at is not null)::int, -coalesce(extract(epoch from old.resolved_at - old.created_at), 0));
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into public.human_approval_count_changes (status, resolution, rule, approvals, resolved, resolved_seconds)
    values (new.status, coalesce(new.resolution, ''), coalesce(new.decision_context ->> 'rule', 'unknown'), 1,
            (new.resolved_at is not null)::int, coalesce(extract(epoch from new.resolved_at - new.created_at), 0));
  end if;
  return null;
end
$$;

-- The trigger first: creating it locks out writers until this migration commits, so the count below sees
-- every approval written before, and the trigger every one written after.
drop trigger if exists human_approvals_count on public.human_approvals;
create trigger human_approvals_count
  after insert or update or delete on public.human_approvals
  for each row execute function public.human_approvals_count();

insert into public.human_approval_counts (status, resolution, rule, approvals, resolved, resolved_seconds)
select status, coalesce(resolution, ''), coalesce(decision_context ->> 'rule', 'unknown'), count(*),
       count(resolved_at), coalesce(sum(extract(epoch from resolved_at - created_at)), 0)
  from public.human_approvals
 group by 1, 2, 3
on conflict (status, resolution, rule) do nothing;

-- Folds the deltas into the totals. Concurrent folds take disjoint deltas (skip locked) and update the
-- totals in key order, so they cannot deadlock; a delta of a writer still open is folded by a later call.
create or replace function public.human_approval_counts_catch_up() returns void
  language sql volatile
  security definer
  set search_path = pg_catalog, public
  as $$
  with moved as (
    delete from public.human_approval_count_changes c
     where c.change_id in (select change_id from public.human_approval_count_changes for update skip locked)
    returning c.status, c.resolution, c.rule, c.approvals, c.resolved, c.resolved_seconds)
  insert into public.human_approval_counts as t (status, resolution, rule, approvals, resolved, resolved_seconds)
  select status, resolution, rule, sum(approvals), sum(resolved), sum(resolved_seconds)
    from moved group by status, resolution, rule order by status, resolution, rule
  on conflict (status, resolution, rule) do update
    set approvals = t.approvals + excluded.approvals,
        resolved = t.resolved + excluded.resolved,
        resolved_seconds = t.resolved_seconds + excluded.resolved_seconds;
$$;

-- The approvals by 'status', 'resolution' (resolved ones only) or 'rule', each key with how many of them are
-- resolved and their seconds from request to resolution: the totals, plus the deltas another fold holds at
-- this moment. For staff, not a client's token: the counts cover every client.
create or replace function public.approval_counts(p_dimension text)
  returns table (key text, approvals bigint, resolved bigint, resolved_seconds numeric)
  language plpgsql volatile
  security definer
  set search_path = pg_catalog, public
  as $$
begin
  if (auth.jwt() ->> 'client_id') is not null then
    raise exception 'approval_counts covers every client: a client''s token reads its own approvals instead'
      using errcode = '42501';
  end if;
  if p_dimension is null or p_dimension not in ('status', 'resolution', 'rule') then
    raise exception 'approval_counts counts by status, resolution or rule, not %', p_dimension
      using errcode = '22023';
  end if;
  perform public.human_approval_counts_catch_up();
  return query
    with rows as (
      select c.status, c.resolution, c.rule, c.approvals, c.resolved, c.resolved_seconds
        from public.human_approval_counts c
      union all
      select d.status, d.resolution, d.rule, d.approvals, d.resolved, d.resolved_seconds
        from public.human_approval_count_changes d
    )
    select case p_dimension when 'status' then r.status when 'resolution' then r.resolution else r.rule end,
           sum(r.approvals)::bigint, sum(r.resolved)::bigint, sum(r.resolved_seconds)
      from rows r
     where not (p_dimension = 'resolution' and r.resolution = '')
     group by 1
    having sum(r.approvals) <> 0
     order by 1;
end
$$;

select bigbox_access.declare_rules($rules$[
  ["public", "human_approval_counts",         "table",    "",  "",  "", "", "",  null],
  ["public", "human_approval_count_changes",  "table",    "",  "",  "", "", "",  null],
  ["public", "human_approval_count_changes_change_id_seq", "sequence", "", "", "", "", "", null],
  ["public", "human_approvals_count",         "function", "",  "",  "", "", "",  null],
  ["public", "human_approval_counts_catch_up", "function", "",  "",  "", "", "",  null],
  ["public", "approval_counts",               "function", "x", "x", "", "", "x", null]
]$rules$);

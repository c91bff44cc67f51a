-- Agents' decisions that took effect or were refused, and how many of them people changed or rejected.
with executed as (
  select coalesce(sum(c.events), 0) as n
    from event_counts_between(?, ?) c
   where c.event_type = 'AUTONOMIC_DECISION_EXECUTED'
), judged as (
  select count(*) as n, count(*) filter (where resolution in ('modified', 'rejected')) as overridden
    from human_approvals
   where agent_id = any(?) and resolved_at >= ? and resolved_at < ?
)
select judged.overridden, executed.n + judged.n from executed, judged

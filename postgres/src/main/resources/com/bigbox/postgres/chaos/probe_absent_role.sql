-- Approvals of the run's flows that went to the absent role, and what became of each.
with fault as (select min(starts_at) as starts_at, max(ends_at) as ends_at from chaos_faults
                where experiment_id = ? and kind = 'simulate_human_absence' and target_role = ?),
held as (
  select a.* from human_approvals a
   where a.correlation_id = any(?::uuid[])
     and exists (select 1 from events r where r.aggregate_type = 'APPROVAL' and r.aggregate_id = a.approval_id::text
                    and r.event_type in ('HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')
                    and r.payload ->> 'assigned_role' = ?))
select count(*) as held,
       count(*) filter (where resolution = 'approved_by_silence') as approved_by_silence,
       count(*) filter (where escalation_level > 0) as escalated,
       count(*) filter (where status = 'pending' and timeout_at >= now() - ?::interval) as waiting_in_time,
       count(*) filter (where resolution = 'expired') as expired,
       count(*) filter (where resolved_by is not null and resolved_by not like 'system:%'
                          and resolved_at >= (select starts_at from fault) and resolved_at < (select ends_at from fault))
           as answered_while_absent,
       count(*) filter (where status = 'pending' and timeout_at < now() - ?::interval) as lost
  from held

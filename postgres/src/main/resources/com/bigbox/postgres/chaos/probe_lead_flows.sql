-- Per flow of the run: its qualification(s), whether Oversight ruled on each, and what the faults did.
with flows as (select unnest(?::uuid[]) as correlation_id),
hits as (select h.event_id, h.subscription, h.effect from chaos_fault_hits h join chaos_faults f using (fault_id)
          where f.experiment_id = ?),
decisions as (
  select e.event_id, e.correlation_id, e.causation_id, e.confidence, e.event_type from events e join flows using (correlation_id)
   where e.event_type in ('LEAD_QUALIFIED', 'LEAD_DISQUALIFIED') and e.emitted_by = 'IntakeAgent'),
verdicts as (
  select d.event_id,
         bool_or(v.event_type = 'AUTONOMIC_DECISION_EXECUTED') as executed,
         bool_or(v.event_type in ('HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')) as to_people,
         count(v.event_id) as verdicts
    from decisions d left join events v on v.causation_id = d.event_id
     and v.event_type in ('AUTONOMIC_DECISION_EXECUTED', 'HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')
   group by d.event_id),
per_flow as (
  select f.correlation_id,
         (select count(*) from decisions d where d.correlation_id = f.correlation_id) as qualifications,
         exists (select 1 from events i join hits h on h.event_id = i.event_id and h.effect = 'dropped'
                  where i.correlation_id = f.correlation_id) as dropped
    from flows f)
select (select count(*) from flows) as leads,
       (select count(*) from per_flow where qualifications > 0) as qualified,
       (select count(*) from per_flow where dropped) as touched_by_drop,
       (select count(*) from per_flow where qualifications = 0 and not dropped) as unaccounted,
       (select count(*) from per_flow where qualifications > 1) as duplicated,
       (select count(*) from verdicts where verdicts = 0
           and not exists (select 1 from hits h where h.event_id = verdicts.event_id and h.effect = 'dropped')) as ungoverned,
       (select count(*) from verdicts where verdicts > 1) as governed_twice,
       (select count(*) from verdicts where to_people) as sent_to_people,
       (select count(*) from verdicts where executed) as executed,
       (select count(*) from verdicts v join decisions d using (event_id) where v.executed and d.confidence < ?)
           as low_confidence_executed,
       (select count(*) from decisions d
         where exists (select 1 from hits h where h.event_id = d.causation_id and h.effect = 'confidence_lowered'))
           as lowered,
       (select count(*) from decisions d join verdicts v using (event_id)
         where not v.to_people and d.confidence < ?
           and exists (select 1 from hits h where h.event_id = d.causation_id and h.effect = 'confidence_lowered'))
           as lowered_not_sent_to_people,
       (select count(*) from events m join flows using (correlation_id) where m.event_type = 'MEETING_SCHEDULED')
           as meetings

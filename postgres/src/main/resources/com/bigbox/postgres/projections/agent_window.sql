with p as (select ?::text as agent)
select count(*) filter (where e.emitted_by = p.agent) as emitted,
       count(distinct e.causation_id) filter (where e.emitted_by = p.agent) as processed,
       count(e.confidence) filter (where e.emitted_by = p.agent) as confidence_count,
       coalesce(sum(e.confidence) filter (where e.emitted_by = p.agent), 0) as confidence_sum,
       coalesce(sum(e.confidence * e.confidence) filter (where e.emitted_by = p.agent), 0) as confidence_squares,
       count(*) filter (where e.event_type = 'AUTONOMIC_DECISION_EXECUTED' and e.payload ->> 'agent_id' = p.agent) as executed,
       count(*) filter (where e.event_type in ('HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')
                          and e.payload ->> 'agent_id' = p.agent) as escalations,
       count(*) filter (where e.event_type in ('HUMAN_APPROVAL_GRANTED', 'APPROVED_BY_SILENCE')
                          and e.payload ->> 'agent_id' = p.agent) as agreed,
       count(*) filter (where e.event_type = 'HUMAN_OVERRIDE' and e.payload ->> 'agent_id' = p.agent) as overridden,
       count(*) filter (where e.event_type = 'HUMAN_APPROVAL_REJECTED' and e.payload ->> 'agent_id' = p.agent) as rejected
  from p join events e on (e.emitted_by = p.agent or e.payload ->> 'agent_id' = p.agent)
 where e."timestamp" >= ? and e."timestamp" < ?
   and (e.transaction_seq, e.global_position) <= (?, ?)

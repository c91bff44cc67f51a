-- What the engine decided alone and what people decided, over a time range.
select count(*) filter (where event_type = 'AUTONOMIC_DECISION_EXECUTED') as autonomous_decisions,
       count(*) filter (where event_type = 'HUMAN_APPROVAL_REQUESTED') as human_approvals,
       count(*) filter (where event_type = 'CEO_INTERRUPT_REQUIRED') as ceo_interrupts,
       count(*) filter (where event_type in ('HUMAN_APPROVAL_GRANTED', 'APPROVED_BY_SILENCE')) as approved_as_proposed,
       count(*) filter (where event_type = 'HUMAN_OVERRIDE') as overrides,
       count(*) filter (where event_type = 'HUMAN_APPROVAL_REJECTED') as rejections,
       count(*) filter (where event_type = 'APPROVED_BY_SILENCE') as approved_by_silence,
       count(*) filter (where event_type = 'SOP_EXECUTION_COMPLETED') as sop_executions_completed,
       coalesce(sum(case when event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(payload -> 'human_hours') = 'number'
                         then (payload ->> 'human_hours')::numeric end), 0) as human_hours,
       coalesce(sum(case when event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(payload -> 'estimated_cost') = 'number'
                         then (payload ->> 'estimated_cost')::numeric end), 0) as sop_cost,
       coalesce(sum(case when event_type = 'PAYMENT_RECEIVED' and jsonb_typeof(payload -> 'amount') = 'number'
                         then (payload ->> 'amount')::numeric end), 0) as revenue
  from events where "timestamp" >= ? and "timestamp" < ?

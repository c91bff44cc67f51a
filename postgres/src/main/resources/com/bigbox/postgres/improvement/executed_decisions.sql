-- Decisions that took effect with no person (with their event type), and whether a person later found them wrong.
select x.payload->>'decision_event_id' as decision_event_id, x.payload->>'agent_id' as agent_id,
       x.payload->>'decision_event_type' as decision_type,
       coalesce((x.payload->>'confidence')::numeric, x.confidence, 1) as confidence, x."timestamp" as at,
       o.event_id is not null as overridden, o.emitted_by as overridden_by
  from events x
  left join lateral (select event_id, emitted_by from events o
                      where o.event_type = 'AUTONOMIC_DECISION_OVERRIDDEN'
                        and o.payload->>'decision_event_id' = x.payload->>'decision_event_id'
                      order by o.global_position limit 1) o on true
 where x.event_type = 'AUTONOMIC_DECISION_EXECUTED' and x.payload->>'agent_id' = any(?) and x."timestamp" >= ?
 order by x."timestamp"

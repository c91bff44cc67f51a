select event_id, (payload->>'approval_id')::uuid as approval_id,
       coalesce(array(select jsonb_array_elements_text(payload->'reasons')), '{}') as reasons, "timestamp" as at
  from events
 where event_type = 'CEO_INTERRUPT_REQUIRED' and "timestamp" >= ? and "timestamp" < ?
 order by "timestamp"

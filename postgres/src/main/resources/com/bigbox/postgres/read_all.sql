-- The log in commit order after a position, up to the read horizon: events_after(transaction_seq, global_position,
-- limit, event types or null) (the columns EventRows maps, in its order).
select event_id, event_type, aggregate_type, aggregate_id, sequence_number,
       transaction_seq, global_position, payload::text as payload,
       metadata::text as metadata, correlation_id, causation_id, emitted_by, confidence,
       "timestamp", created_at
  from events_after(?, ?, ?, ?)

-- One stream's events from a sequence number on (the columns EventRows maps, in its order).
select event_id, event_type, aggregate_type, aggregate_id, sequence_number,
       transaction_seq, global_position, payload::text as payload,
       metadata::text as metadata, correlation_id, causation_id, emitted_by, confidence,
       "timestamp", created_at
  from events where aggregate_type = ? and aggregate_id = ? and sequence_number >= ?
 order by sequence_number

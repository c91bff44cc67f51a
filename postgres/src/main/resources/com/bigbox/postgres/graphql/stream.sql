-- One stream's events from a sequence number on.
select event_id, event_type, aggregate_type, aggregate_id, sequence_number, global_position, payload::text,
       metadata::text, correlation_id, causation_id, emitted_by, confidence, "timestamp", created_at, transaction_seq
  from events
 where aggregate_type = ? and aggregate_id = ? and sequence_number >= ?
 order by sequence_number
 limit ?

-- Every committed event, not only those below the read horizon: a writer that applied an inline
-- projection committed before the lock was granted, even if an older writer is still open.
-- The columns are those EventRows maps.
select event_id, event_type, aggregate_type, aggregate_id, sequence_number,
       transaction_seq, global_position, payload::text as payload,
       metadata::text as metadata, correlation_id, causation_id, emitted_by, confidence,
       "timestamp", created_at
  from events where (transaction_seq, global_position) > (?, ?)
 order by transaction_seq, global_position
 limit ?

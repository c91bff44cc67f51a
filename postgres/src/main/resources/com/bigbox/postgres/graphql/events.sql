-- A page of events in commit-safe order after a (transaction_seq, global_position) cursor, below the settled
-- horizon, filtered by whichever of type, aggregate, emitter and correlation are given (null: any).
select event_id, event_type, aggregate_type, aggregate_id, sequence_number, global_position, payload::text,
       metadata::text, correlation_id, causation_id, emitted_by, confidence, "timestamp", created_at, transaction_seq
  from events
 where (transaction_seq, global_position) > (?, ?) and transaction_seq < ?
   and (?::text is null or event_type = ?::text)
   and (?::text is null or aggregate_type = ?::text)
   and (?::text is null or aggregate_id = ?::text)
   and (?::text is null or emitted_by = ?::text)
   and (?::uuid is null or correlation_id = ?::uuid)
 order by transaction_seq, global_position
 limit ?

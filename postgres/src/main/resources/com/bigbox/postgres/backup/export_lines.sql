-- The events after a position up to an end (and since a time, if given) as JSON lines built by PostgreSQL itself,
-- so payload and metadata are written exactly as stored; one batch, in commit order.
select json_build_object(
         'event_id', event_id, 'event_type', event_type,
         'aggregate_type', aggregate_type, 'aggregate_id', aggregate_id, 'sequence_number', sequence_number,
         'correlation_id', correlation_id, 'causation_id', causation_id,
         'emitted_by', emitted_by, 'confidence', confidence,
         'timestamp', "timestamp", 'created_at', created_at,
         'payload', payload, 'metadata', metadata,
         'position', json_build_object('transaction_seq', transaction_seq, 'global_position', global_position)
       )::text,
       transaction_seq, global_position, "timestamp"
  from events
 where (transaction_seq, global_position) > (?, ?)
   and (transaction_seq, global_position) <= (?, ?)
   and "timestamp" >= coalesce(?::timestamptz, '-infinity')
 order by transaction_seq, global_position
 limit ?

-- One event, numbered by the trigger (the sequence number sent is the expected version + 1, or null for any);
-- only the generated columns come back.
insert into events (event_id, event_type, correlation_id, causation_id, aggregate_type, aggregate_id,
                    sequence_number, payload, metadata, emitted_by, confidence, "timestamp")
values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, coalesce(?, now()))
returning event_id, sequence_number, transaction_seq, global_position, "timestamp", created_at

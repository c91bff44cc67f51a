insert into public.events (event_id, event_type, correlation_id, aggregate_type, aggregate_id, payload, metadata, emitted_by)
values (?, ?, ?, ?, ?, ?::jsonb, '{}'::jsonb, ?)

insert into event_snapshots (aggregate_type, aggregate_id, sequence_number, state)
values (?, ?, ?, ?::jsonb)
on conflict (aggregate_type, aggregate_id, sequence_number) do update set state = excluded.state

insert into chaos_database_faults (experiment_id, kind, delay_ms, starts_at, ends_at)
values (?, 'slow_writes', ?, now(), now() + ?::interval)

insert into chaos_experiments (experiment_id, experiment_type, intensity, started_at, target_filter, status, title,
                               definition_version, definition_sha256, definition, rollback_strategy, run_by)
values (?, ?, ?, ?, ?::jsonb, 'running', ?, ?, ?, ?::jsonb, ?, ?)

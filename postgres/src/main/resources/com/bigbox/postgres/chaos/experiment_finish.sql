update chaos_experiments
   set ended_at = greatest(?, started_at + interval '1 millisecond'),
       duration_minutes = ceil(extract(epoch from greatest(?, started_at) - started_at) / 60)::integer,
       events_affected = ?, system_degradation = ?, failures_detected = ?, recovery_time_seconds = ?,
       status = ?, hypothesis_before = ?::jsonb, hypothesis_after = ?::jsonb, actions = ?::jsonb,
       rollbacks = ?::jsonb, findings = ?::jsonb, deviated = ?, resilience_score = ?
 where experiment_id = ? and status = 'running'

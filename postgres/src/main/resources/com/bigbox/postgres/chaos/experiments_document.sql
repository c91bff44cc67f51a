select json_build_object(
         'experiments', coalesce(json_agg(x order by x.started_at desc), '[]'::json),
         'trend', (select coalesce(json_agg(s.resilience_score order by s.ended_at), '[]'::json)
                     from (select resilience_score, ended_at from chaos_experiments
                            where status = 'completed' and resilience_score is not null
                            order by ended_at desc limit 5) s),
         'alert_below', 0.7)::text
  from (select experiment_id, title, experiment_type, intensity, status, deviated, resilience_score,
               system_degradation, events_affected, failures_detected, recovery_time_seconds,
               started_at, ended_at, duration_minutes, definition_version, rollback_strategy, target_filter,
               resilience_score < 0.7 as alert
          from chaos_experiments order by started_at desc limit ?) x

select fault_id, experiment_id, kind, intensity, target_subscription, target_event_types, target_role, delay_ms,
       confidence_drop, starts_at, ends_at
  from chaos_faults
 where ends_at > now() and starts_at <= now() + interval '1 minute'

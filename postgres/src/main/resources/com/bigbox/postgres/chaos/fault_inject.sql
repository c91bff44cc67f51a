insert into chaos_faults (fault_id, experiment_id, kind, intensity, target_subscription, target_event_types, target_role,
                          delay_ms, confidence_drop, starts_at, ends_at)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

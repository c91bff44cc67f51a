insert into chaos_probe_deliveries (run_id, event_id, instance) values (?, ?, ?)

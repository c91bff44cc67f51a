select event_id, count(*) from chaos_probe_deliveries where run_id = ? group by event_id

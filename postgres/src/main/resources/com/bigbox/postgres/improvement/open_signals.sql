select signal_id, event_type, subject from improvement_signals where acknowledged_at is null

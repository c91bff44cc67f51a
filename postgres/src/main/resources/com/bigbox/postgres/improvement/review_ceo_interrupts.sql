select count(*) from events where event_type = 'CEO_INTERRUPT_REQUIRED' and "timestamp" >= ? and "timestamp" < ?

select coalesce(sum(c.events), 0) from event_counts_between(?, ?) c where c.event_type = 'CEO_INTERRUPT_REQUIRED'

-- Blocks the table's writers (readers go on) while the lock_table experiment's transaction lasts.
lock table event_streams in share row exclusive mode

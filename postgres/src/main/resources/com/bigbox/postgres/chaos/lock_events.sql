-- Blocks the table's writers (readers go on) while the lock_table experiment's transaction lasts.
lock table events in share row exclusive mode

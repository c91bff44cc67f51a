-- Blocks the table's writers (readers go on) while the lock_table experiment's transaction lasts.
lock table human_approvals in share row exclusive mode

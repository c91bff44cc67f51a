delete from scheduled_jobs where kind = ?

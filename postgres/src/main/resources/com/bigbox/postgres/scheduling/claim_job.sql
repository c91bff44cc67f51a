-- The next due job of a kind this runner handles; another instance's runner skips it while it runs.
select job_id, kind, job_key, payload::text as payload, run_at, every_seconds, attempts
  from scheduled_jobs
 where status = 'scheduled' and run_at <= ? and kind = any(?)
 order by run_at
 limit 1
   for update skip locked

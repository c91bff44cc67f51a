-- Retried at the given time, until the given number of attempts: then failed.
update scheduled_jobs
   set status = case when attempts + 1 >= ? then 'failed' else 'scheduled' end,
       attempts = attempts + 1, run_at = ?, last_error = ?, last_run_at = ?, last_run_by = ?, updated_at = now()
 where job_id = ?

-- A handler that rescheduled its own job set it back to 'scheduled': then it stays as the handler left it.
update scheduled_jobs
   set status = case when every_seconds is null then 'done' else 'scheduled' end,
       run_at = case when every_seconds is null then run_at
                     else greatest(run_at + make_interval(secs => every_seconds), ?) end,
       attempts = 0, last_error = null, last_run_at = ?, last_run_by = ?, updated_at = now()
 where job_id = ? and status = 'running'

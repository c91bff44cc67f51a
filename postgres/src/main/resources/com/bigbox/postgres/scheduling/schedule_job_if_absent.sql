-- A scheduled (or running) job keeps its next run; one that failed or was cancelled is scheduled again.
insert into scheduled_jobs (kind, job_key, payload, run_at, every_seconds)
values (?, ?, ?::jsonb, ?, ?)
on conflict (kind, job_key) do update
   set every_seconds = excluded.every_seconds,
       run_at = case when scheduled_jobs.status in ('scheduled', 'running') then scheduled_jobs.run_at
                     else excluded.run_at end,
       status = case when scheduled_jobs.status = 'running' then 'running' else 'scheduled' end,
       updated_at = now()
 where scheduled_jobs.status not in ('scheduled', 'running')
    or scheduled_jobs.every_seconds is distinct from excluded.every_seconds

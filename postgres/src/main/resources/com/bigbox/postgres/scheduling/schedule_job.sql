insert into scheduled_jobs (kind, job_key, payload, run_at, every_seconds)
values (?, ?, ?::jsonb, ?, ?)
on conflict (kind, job_key) do update
   set payload = excluded.payload, run_at = excluded.run_at, every_seconds = excluded.every_seconds,
       status = 'scheduled', attempts = 0, last_error = null, updated_at = now()

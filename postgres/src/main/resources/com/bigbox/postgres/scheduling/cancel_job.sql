-- A job a runner holds right now is skipped: that runner may be waiting for the caller's locks.
update scheduled_jobs set status = 'cancelled', updated_at = now()
 where job_id in (select job_id from scheduled_jobs
                   where kind = ? and job_key = ? and status = 'scheduled'
                     for update skip locked)

update scheduled_jobs set status = 'running' where job_id = ?

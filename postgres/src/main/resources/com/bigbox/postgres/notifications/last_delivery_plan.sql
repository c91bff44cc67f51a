select payload::text from scheduled_jobs where kind = 'notification.deliver' and job_key = ?

package com.bigbox.postgres.scheduling;

import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;

/** Jobs as rows of {@code scheduled_jobs}, written in the caller's transaction. */
public final class PgJobScheduler implements JobScheduler {
    private static final String SCHEDULE = """
            insert into scheduled_jobs (kind, job_key, payload, run_at, every_seconds)
            values (?, ?, ?::jsonb, ?, ?)
            on conflict (kind, job_key) do update
               set payload = excluded.payload, run_at = excluded.run_at, every_seconds = excluded.every_seconds,
                   status = 'scheduled', attempts = 0, last_error = null, updated_at = now()""";

    private static final String CANCEL = """
            update scheduled_jobs set status = 'cancelled', updated_at = now()
             where kind = ? and job_key = ? and status = 'scheduled'""";

    @Override
    public void schedule(UnitOfWork work, JobRequest job) {
        Jdbc.update(work, SCHEDULE, s -> {
            s.setString(1, job.kind());
            s.setString(2, job.key());
            s.setString(3, job.payload());
            s.setTimestamp(4, Jdbc.timestamp(job.runAt()));
            if (job.every() == null) {
                s.setNull(5, java.sql.Types.BIGINT);
            } else {
                s.setLong(5, job.every().toSeconds());
            }
        });
    }

    @Override
    public boolean cancel(UnitOfWork work, String kind, String key) {
        return Jdbc.update(work, CANCEL, s -> {
            s.setString(1, kind);
            s.setString(2, key);
        }) > 0;
    }
}

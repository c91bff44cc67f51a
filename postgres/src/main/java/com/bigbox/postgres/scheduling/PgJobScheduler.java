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

    // A scheduled (or running) job keeps its next run; one that failed or was cancelled is scheduled again.
    private static final String SCHEDULE_IF_ABSENT = """
            insert into scheduled_jobs (kind, job_key, payload, run_at, every_seconds)
            values (?, ?, ?::jsonb, ?, ?)
            on conflict (kind, job_key) do update
               set every_seconds = excluded.every_seconds,
                   run_at = case when scheduled_jobs.status in ('scheduled', 'running') then scheduled_jobs.run_at
                                 else excluded.run_at end,
                   status = case when scheduled_jobs.status = 'running' then 'running' else 'scheduled' end,
                   updated_at = now()
             where scheduled_jobs.status not in ('scheduled', 'running')
                or scheduled_jobs.every_seconds is distinct from excluded.every_seconds""";

    // A job a runner holds right now is skipped: that runner may be waiting for the caller's locks.
    private static final String CANCEL = """
            update scheduled_jobs set status = 'cancelled', updated_at = now()
             where job_id in (select job_id from scheduled_jobs
                               where kind = ? and job_key = ? and status = 'scheduled'
                                 for update skip locked)""";

    private static final String CLEAR = "delete from scheduled_jobs where kind = ?";

    @Override
    public void schedule(UnitOfWork work, JobRequest job) {
        write(work, SCHEDULE, job);
    }

    @Override
    public void scheduleIfAbsent(UnitOfWork work, JobRequest job) {
        write(work, SCHEDULE_IF_ABSENT, job);
    }

    private static void write(UnitOfWork work, String sql, JobRequest job) {
        Jdbc.update(work, sql, s -> {
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
                })
                > 0;
    }

    @Override
    public void clear(UnitOfWork work, String kind) {
        Jdbc.update(work, CLEAR, s -> s.setString(1, kind));
    }
}

package com.bigbox.postgres.scheduling;

import com.bigbox.autonomic.scheduling.JobRequest;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;

/** Jobs as rows of {@code scheduled_jobs}, written in the caller's transaction. */
public final class PgJobScheduler implements JobScheduler {
    private static final String SCHEDULE = SqlResource.load(PgJobScheduler.class, "schedule_job");
    private static final String SCHEDULE_IF_ABSENT = SqlResource.load(PgJobScheduler.class, "schedule_job_if_absent");
    private static final String CANCEL = SqlResource.load(PgJobScheduler.class, "cancel_job");
    private static final String CLEAR = SqlResource.load(PgJobScheduler.class, "clear_jobs");

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

package com.bigbox.postgres.scheduling;

import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.autonomic.scheduling.Job;
import com.bigbox.autonomic.scheduling.JobHandler;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.core.EventStore;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import com.bigbox.postgres.projections.PgProjectionLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs due jobs of {@code scheduled_jobs}, one per transaction: the job is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (another instance skips it), its handler runs in that transaction, and
 * the job is marked done (or moved to its next run) before commit. A crash rolls everything back and the
 * job runs again elsewhere; no job's effect commits twice. A failing job is retried with backoff, then
 * marked failed. Due means {@code run_at} at or before the runner's clock, so an accelerated clock
 * (simulation) runs jobs on its time.
 */
public final class PgJobRunner implements JobRunner {
    public static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(PgJobRunner.class);

    private static final String CLAIM = SqlResource.load(PgJobRunner.class, "claim_job");
    private static final String MARK_RUNNING = SqlResource.load(PgJobRunner.class, "mark_job_running");
    private static final String COMPLETE = SqlResource.load(PgJobRunner.class, "complete_job");
    private static final String FAILED = SqlResource.load(PgJobRunner.class, "fail_job");

    private final EventStore store;
    private final ProjectionLock projectionLock = new PgProjectionLock();
    private final Clock clock;
    private final String instance;
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private final Thread thread;
    private final Duration pollInterval;
    private volatile boolean running = true;

    public PgJobRunner(EventStore store, Clock clock, String instance, Duration pollInterval) {
        this.store = store;
        this.clock = clock;
        this.instance = instance;
        this.pollInterval = pollInterval;
        this.thread = Thread.ofPlatform().daemon().name(instance + "-jobs").unstarted(this::loop);
    }

    /** Starts polling for due jobs on its own thread. */
    public PgJobRunner start() {
        thread.start();
        return this;
    }

    @Override
    public void handle(String kind, JobHandler handler) {
        handlers.put(kind, handler);
    }

    @Override
    public int runDue() {
        int ran = 0;
        while (running && !handlers.isEmpty() && store.inTransaction(this::runOne)) {
            ran++;
        }
        return ran;
    }

    private boolean runOne(UnitOfWork work) {
        // Jobs write projections (approvals expire, SOP steps escalate): a rebuild of those pauses the runners.
        projectionLock.shared(work);
        Instant now = clock.instant();
        Optional<Job> claimed = claim(work, now);
        if (claimed.isEmpty()) {
            return false;
        }
        Job job = claimed.get();
        Jdbc.update(work, MARK_RUNNING, s -> s.setObject(1, job.id()));
        Connection connection = Jdbc.connection(work);
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set a savepoint for job " + job.id(), e);
        }
        try {
            handlers.get(job.kind()).run(job, work);
            Jdbc.update(work, COMPLETE, s -> {
                s.setTimestamp(1, Jdbc.timestamp(now));
                s.setTimestamp(2, Jdbc.timestamp(now));
                s.setString(3, instance);
                s.setObject(4, job.id());
            });
        } catch (Exception e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollback) {
                throw new IllegalStateException("cannot undo failed job " + job.id(), rollback);
            }
            failed(work, job, now, e);
        }
        return true;
    }

    private Optional<Job> claim(UnitOfWork work, Instant now) {
        return Jdbc.one(
                work,
                CLAIM,
                s -> {
                    s.setTimestamp(1, Jdbc.timestamp(now));
                    s.setArray(
                            2,
                            Jdbc.connection(work)
                                    .createArrayOf("text", handlers.keySet().toArray()));
                },
                rs -> {
                    // Read as an object: a one-shot job's period is SQL null, not 0 seconds.
                    Long every = rs.getObject("every_seconds", Long.class);
                    return new Job(
                            rs.getObject("job_id", UUID.class),
                            rs.getString("kind"),
                            rs.getString("job_key"),
                            rs.getString("payload"),
                            Jdbc.instant(rs, "run_at"),
                            every == null ? null : Duration.ofSeconds(every),
                            rs.getInt("attempts"));
                });
    }

    // The handler's effects are undone already; the job is retried with backoff, or marked failed.
    private void failed(UnitOfWork work, Job job, Instant now, Exception e) {
        Instant retryAt = now.plus(Duration.ofSeconds(30L << Math.min(job.attempts(), 10)));
        Jdbc.update(work, FAILED, s -> {
            s.setInt(1, MAX_ATTEMPTS);
            s.setTimestamp(2, Jdbc.timestamp(retryAt));
            s.setString(3, e.toString());
            s.setTimestamp(4, Jdbc.timestamp(now));
            s.setString(5, instance);
            s.setObject(6, job.id());
        });
        log.warn(
                "Job {} {} failed (attempt {} of {}): {}",
                job.kind(),
                job.key(),
                job.attempts() + 1,
                MAX_ATTEMPTS,
                e.toString());
    }

    private void loop() {
        while (running) {
            try {
                runDue();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Running due jobs failed ({}); retrying", e.getMessage());
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.bigbox.autonomic.scheduling;

import com.bigbox.core.UnitOfWork;

/**
 * Durable, cluster-wide scheduling: a job is a row that survives restarts, and a due job runs once
 * across every instance. It is scheduled in the caller's transaction, so it exists exactly when the
 * caller's effects do.
 */
public interface JobScheduler {
    void schedule(UnitOfWork work, JobRequest job);

    /**
     * Schedules {@code job} unless a job of its kind and key is already scheduled: a recurring schedule
     * registered at every start keeps its next run (only its period follows the request).
     */
    void scheduleIfAbsent(UnitOfWork work, JobRequest job);

    /**
     * Cancels the pending job of this kind and key; returns whether there was one. A job a runner is
     * running right now is left to finish (its handler finds nothing left to do), so cancelling never
     * waits for a runner that may be waiting for the caller.
     */
    boolean cancel(UnitOfWork work, String kind, String key);

    /** Removes every job of {@code kind}, whatever its state: a projection that owns them rebuilds them. */
    void clear(UnitOfWork work, String kind);
}

package com.bigbox.autonomic.scheduling;

import com.bigbox.core.UnitOfWork;

/**
 * Durable, cluster-wide scheduling: a job is a row that survives restarts, and a due job runs once
 * across every instance. It is scheduled in the caller's transaction, so it exists exactly when the
 * caller's effects do.
 */
public interface JobScheduler {
    void schedule(UnitOfWork work, JobRequest job);

    /** Cancels the pending job of this kind and key; returns whether there was one. */
    boolean cancel(UnitOfWork work, String kind, String key);
}

package com.bigbox.autonomic.projections;

import com.bigbox.core.UnitOfWork;

/**
 * Keeps a rebuild and the live writers of projections apart (port). Live writers hold it shared until
 * their transaction ends, taken before they read or write a projection's rows; a rebuild holds it
 * alone, so it waits for the writers in flight and the next ones wait for it, and every event a writer
 * applied inline is committed, and seen, when the rebuild reads the log.
 */
public interface ProjectionLock {
    void shared(UnitOfWork work);

    void exclusive(UnitOfWork work);
}

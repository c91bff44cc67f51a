package com.bigbox.postgres.projections;

import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;

/** The projection lock as a transaction-scoped advisory lock: shared by live writers, exclusive for a rebuild. */
public final class PgProjectionLock implements ProjectionLock {
    static final String SHARED = SqlResource.load(PgProjectionLock.class, "projection_lock_shared");
    static final String EXCLUSIVE = SqlResource.load(PgProjectionLock.class, "projection_lock_exclusive");

    @Override
    public void shared(UnitOfWork work) {
        Jdbc.list(work, SHARED, s -> {}, rs -> 1);
    }

    @Override
    public void exclusive(UnitOfWork work) {
        Jdbc.list(work, EXCLUSIVE, s -> {}, rs -> 1);
    }
}

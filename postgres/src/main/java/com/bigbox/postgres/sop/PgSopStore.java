package com.bigbox.postgres.sop;

import com.bigbox.autonomic.sop.SopExecution;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SOP versions in {@code sop_definitions} ({@link SopVersionRows}); executions in {@code sop_executions}
 * ({@link SopExecutionRows}) with their steps ({@link SopStepRows}).
 */
public final class PgSopStore implements SopStore {
    @Override
    public List<SopVersion> activeVersions(UnitOfWork work) {
        return SopVersionRows.active(work);
    }

    @Override
    public Optional<SopVersion> activeVersion(UnitOfWork work, String sopId) {
        return SopVersionRows.active(work, sopId);
    }

    @Override
    public Optional<SopVersion> version(UnitOfWork work, String sopId, int version) {
        return SopVersionRows.version(work, sopId, version);
    }

    @Override
    public List<SopVersion> versions(UnitOfWork work, String sopId) {
        return SopVersionRows.versions(work, sopId);
    }

    @Override
    public void lockForChange(UnitOfWork work, String sopId) {
        SopVersionRows.lockForChange(work, sopId);
    }

    @Override
    public int nextVersion(UnitOfWork work, String sopId) {
        return SopVersionRows.nextVersion(work, sopId);
    }

    @Override
    public void activate(UnitOfWork work, SopVersion v) {
        SopVersionRows.activate(work, v);
    }

    @Override
    public void resetVersions(UnitOfWork work) {
        SopVersionRows.reset(work);
    }

    @Override
    public void resetExecutions(UnitOfWork work) {
        SopExecutionRows.reset(work);
    }

    @Override
    public void save(UnitOfWork work, SopExecution x, Instant at) {
        SopExecutionRows.save(work, x, at);
    }

    @Override
    public List<SopExecution> running(UnitOfWork work, UUID correlationId) {
        return SopExecutionRows.running(work, correlationId);
    }

    @Override
    public Optional<SopExecution> execution(UnitOfWork work, UUID executionId) {
        return SopExecutionRows.one(work, executionId);
    }

    @Override
    public Optional<SopExecution> lock(UnitOfWork work, UUID executionId) {
        return SopExecutionRows.lock(work, executionId);
    }

    @Override
    public List<SopExecution> executions(UnitOfWork work, String sopId, String status, int limit) {
        return SopExecutionRows.list(work, sopId, status, limit);
    }
}

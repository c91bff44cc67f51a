package com.bigbox.autonomic.sop;

import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where SOP versions ({@code sop_definitions}) and executions ({@code sop_executions} with their steps)
 * live. Rows are written only by {@link SopDefinitionsProjection} and {@link SopExecutionsProjection}
 * from the SOP events.
 */
public interface SopStore {
    List<SopVersion> activeVersions(UnitOfWork work);

    Optional<SopVersion> activeVersion(UnitOfWork work, String sopId);

    Optional<SopVersion> version(UnitOfWork work, String sopId, int version);

    /** Every version of every SOP (or of one, when {@code sopId} is given), newest first. */
    List<SopVersion> versions(UnitOfWork work, String sopId);

    /** Until the transaction ends, nobody else changes {@code sopId}'s versions. */
    void lockForChange(UnitOfWork work, String sopId);

    /** The number the SOP's next version gets (1 for a new SOP). */
    int nextVersion(UnitOfWork work, String sopId);

    /** Stores {@code version} as the SOP's active one; the one active before is deactivated at its activation time. */
    void activate(UnitOfWork work, SopVersion version);

    /** Inserts or updates the execution and its steps, changed at {@code at}. */
    void save(UnitOfWork work, SopExecution execution, Instant at);

    /**
     * Executions in a flow that are still running (in progress or escalated), locked until the transaction
     * ends: the SOP engine decides on them, and a step's timeout must not decide on the same run at once.
     */
    List<SopExecution> running(UnitOfWork work, UUID correlationId);

    Optional<SopExecution> execution(UnitOfWork work, UUID executionId);

    /** The execution, locked until the transaction ends (see {@link #running}). */
    Optional<SopExecution> lock(UnitOfWork work, UUID executionId);

    List<SopExecution> executions(UnitOfWork work, String sopId, String status, int limit);

    /** Removes every version, before a rebuild (the executions, which refer to them, go first). */
    void resetVersions(UnitOfWork work);

    /** Removes every execution with its steps, before a rebuild. */
    void resetExecutions(UnitOfWork work);
}

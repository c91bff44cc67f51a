package com.bigbox.autonomic.sop;

import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where SOP versions ({@code sop_definitions}) and executions ({@code sop_executions}) live. */
public interface SopStore {
    List<SopVersion> activeVersions(UnitOfWork work);

    Optional<SopVersion> activeVersion(UnitOfWork work, String sopId);

    Optional<SopVersion> version(UnitOfWork work, String sopId, int version);

    /** Every version of every SOP (or of one, when {@code sopId} is given), newest first. */
    List<SopVersion> versions(UnitOfWork work, String sopId);

    /** Until the transaction ends, nobody else changes {@code sopId}'s versions. */
    void lockForChange(UnitOfWork work, String sopId);

    /** Stores {@code definition} as the SOP's next version and makes it the active one (the previous is deactivated). */
    SopVersion activate(UnitOfWork work, String sopId, String definition, String checksum, String source,
            String approvalMechanism, Instant at);

    /** Inserts or updates the execution and its steps. */
    void save(UnitOfWork work, SopExecution execution);

    /** Executions in a flow that are still running (in progress or escalated). */
    List<SopExecution> running(UnitOfWork work, UUID correlationId);

    Optional<SopExecution> execution(UnitOfWork work, UUID executionId);

    List<SopExecution> executions(UnitOfWork work, String sopId, String status, int limit);
}

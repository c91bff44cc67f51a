package com.bigbox.autonomic.improvement;

import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rows {@link ImprovementProjection} keeps (port): {@code improvement_signals} (gaps, margin leaks,
 * drift alerts, doctrine violations, each acknowledgeable) and {@code sop_proposals}.
 */
public interface ImprovementStore {
    /**
     * @param kind gap, margin, optimization, drift, violation
     * @param subject what it is about (an SOP, a person, a client, an agent, a task kind)
     * @param monthlyImpact money a month it is worth, when it says
     */
    record Signal(
            UUID signalId,
            String eventType,
            String kind,
            String subject,
            String severity,
            boolean requiresHuman,
            java.math.@Nullable BigDecimal monthlyImpact,
            String figures,
            Instant raisedAt,
            @Nullable Instant dueAt) {}

    void insertSignal(UnitOfWork work, Signal signal);

    void acknowledge(UnitOfWork work, UUID signalId, String by, Instant at, UUID acknowledgementId);

    void insertProposal(
            UnitOfWork work, RecordedEvent proposed, com.bigbox.autonomic.events.ImprovementEvent.SopVersionProposed p);

    /** @param status pending, activated, rejected, expired, reverted */
    void proposalStatus(
            UnitOfWork work,
            UUID proposalEventId,
            String status,
            @Nullable Integer activatedVersion,
            String decidedBy,
            Instant at);

    /** The proposal that made {@code sopId}'s version {@code version} was undone by a revert. */
    void revertedVersion(UnitOfWork work, String sopId, @Nullable Integer version, String by, Instant at);

    void reset(UnitOfWork work);
}

package com.bigbox.postgres.improvement;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.ImprovementStore;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.time.Instant;
import java.util.UUID;

/** {@code improvement_signals} and {@code sop_proposals}, written only by the improvement projection. */
public final class PgImprovementStore implements ImprovementStore {
    private static final String INSERT_SIGNAL = SqlResource.load(PgImprovementStore.class, "insert_signal");
    private static final String ACKNOWLEDGE = SqlResource.load(PgImprovementStore.class, "acknowledge");
    private static final String INSERT_PROPOSAL = SqlResource.load(PgImprovementStore.class, "insert_proposal");
    private static final String PROPOSAL_STATUS = SqlResource.load(PgImprovementStore.class, "proposal_status");
    private static final String PROPOSAL_REVERTED = SqlResource.load(PgImprovementStore.class, "proposal_reverted");
    private static final String RESET_SIGNALS = SqlResource.load(PgImprovementStore.class, "reset_signals");
    private static final String RESET_PROPOSALS = SqlResource.load(PgImprovementStore.class, "reset_proposals");

    @Override
    public void insertSignal(UnitOfWork work, Signal g) {
        Jdbc.update(work, INSERT_SIGNAL, s -> {
            s.setObject(1, g.signalId());
            s.setString(2, g.eventType());
            s.setString(3, g.kind());
            s.setString(4, g.subject());
            s.setString(5, g.severity());
            s.setBoolean(6, g.requiresHuman());
            s.setBigDecimal(7, g.monthlyImpact());
            s.setString(8, g.figures());
            s.setTimestamp(9, Jdbc.timestamp(g.raisedAt()));
            s.setTimestamp(10, g.dueAt() == null ? null : Jdbc.timestamp(g.dueAt()));
        });
    }

    @Override
    public void acknowledge(UnitOfWork work, UUID signalId, String by, Instant at, UUID acknowledgementId) {
        Jdbc.update(work, ACKNOWLEDGE, s -> {
            s.setTimestamp(1, Jdbc.timestamp(at));
            s.setString(2, by);
            s.setObject(3, acknowledgementId);
            s.setObject(4, signalId);
        });
    }

    @Override
    public void insertProposal(UnitOfWork work, RecordedEvent proposed, ImprovementEvent.SopVersionProposed p) {
        Jdbc.update(work, INSERT_PROPOSAL, s -> {
            s.setObject(1, proposed.eventId());
            s.setString(2, p.sopId());
            s.setInt(3, p.fromVersion());
            s.setString(4, p.toDocumentVersion());
            s.setString(5, EventCodec.write(p.changes()));
            s.setBigDecimal(6, p.expectedMonthlyImpact());
            s.setString(7, p.mechanism());
            s.setTimestamp(8, Jdbc.timestamp(proposed.timestamp()));
        });
    }

    @Override
    public void proposalStatus(
            UnitOfWork work,
            UUID proposalEventId,
            String status,
            Integer activatedVersion,
            String decidedBy,
            Instant at) {
        Jdbc.update(work, PROPOSAL_STATUS, s -> {
            s.setString(1, status);
            s.setObject(2, activatedVersion);
            s.setString(3, decidedBy);
            s.setTimestamp(4, Jdbc.timestamp(at));
            s.setObject(5, proposalEventId);
        });
    }

    @Override
    public void revertedVersion(UnitOfWork work, String sopId, Integer version, String by, Instant at) {
        if (version == null) {
            return;
        }
        Jdbc.update(work, PROPOSAL_REVERTED, s -> {
            s.setString(1, by);
            s.setTimestamp(2, Jdbc.timestamp(at));
            s.setString(3, sopId);
            s.setInt(4, version);
        });
    }

    @Override
    public void reset(UnitOfWork work) {
        Jdbc.update(work, RESET_SIGNALS, s -> {});
        Jdbc.update(work, RESET_PROPOSALS, s -> {});
    }
}

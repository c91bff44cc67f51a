package com.bigbox.postgres.improvement;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Signals (drift alerts among them) and SOP proposals as the API serves them, rows as stored. */
public final class PgImprovementReads {
    private static final String SIGNALS = SqlResource.load(PgImprovementReads.class, "list_signals");
    private static final String PROPOSALS = SqlResource.load(PgImprovementReads.class, "list_proposals");

    /** @param kind gap, margin, optimization, drift or violation; null for all */
    public List<Map<String, Object>> signals(UnitOfWork work, String kind, boolean includeAcknowledged, int limit) {
        return Jdbc.maps(work, SIGNALS, s -> {
            s.setString(1, kind);
            s.setString(2, kind);
            s.setBoolean(3, includeAcknowledged);
            s.setInt(4, limit);
        });
    }

    /** @param status pending, activated, rejected, expired, reverted; null for all */
    public List<Map<String, Object>> proposals(UnitOfWork work, String status, int limit) {
        return Jdbc.maps(work, PROPOSALS, s -> {
            s.setString(1, status);
            s.setString(2, status);
            s.setInt(3, limit);
        });
    }

    public Optional<Map<String, Object>> proposal(UnitOfWork work, UUID id) {
        return proposals(work, null, 10_000).stream()
                .filter(p -> id.equals(p.get("proposal_id")))
                .findFirst();
    }
}

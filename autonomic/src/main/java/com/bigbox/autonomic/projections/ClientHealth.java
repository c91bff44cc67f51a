package com.bigbox.autonomic.projections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code client_health}, with the reasons for its status. {@code updatedAt} is the time of the
 * client's latest event, so a rebuild writes the same row.
 */
public record ClientHealth(
        String clientId,
        Instant lastEventAt,
        long eventsLast30d,
        long meetingsLast30d,
        BigDecimal avgResponseTimeHours,
        BigDecimal qualityScore,
        @Nullable Integer npsScore,
        BigDecimal revenue30d,
        @Nullable BigDecimal margin30d,
        BigDecimal trustScore,
        @Nullable BigDecimal automationRate,
        long proactiveInterventions,
        String healthStatus,
        List<String> reasons,
        Instant updatedAt) {
    public static final List<String> STATUSES = List.of("healthy", "attention_needed", "at_risk", "critical");

    public ClientHealth {
        reasons = List.copyOf(reasons);
    }

    /** 0 healthy … 3 critical. */
    public static int rank(@Nullable String status) {
        return status == null ? -1 : STATUSES.indexOf(status);
    }
}

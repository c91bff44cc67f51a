package com.bigbox.autonomic.projections;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the log says about one client in the 30 days up to its latest event, counted from events only.
 *
 * @param avgResponseHours mean hours from a decision waiting for a person to the person's answer, or null
 * @param quality mean of feedback quality and SOP execution quality, or null
 * @param promoters feedback scores of 9 or 10; {@code detractors} 0 to 6; {@code responses} all scores
 * @param cost what its SOP executions cost
 * @param escalations its decisions that waited for a person; {@code executed} those that did not
 */
public record ClientActivity(
        String clientId,
        Instant lastEventAt,
        long events,
        long meetings,
        long meetingsMissed,
        BigDecimal avgResponseHours,
        BigDecimal quality,
        long promoters,
        long detractors,
        long responses,
        BigDecimal revenue,
        BigDecimal cost,
        long executed,
        long escalations,
        long proactiveInterventions,
        long criticalRisks,
        long highRisks,
        long projectsAtRisk,
        long paymentReminders) {}

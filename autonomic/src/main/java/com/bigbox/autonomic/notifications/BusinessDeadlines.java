package com.bigbox.autonomic.notifications;

import com.bigbox.autonomic.approvals.Deadlines;
import com.bigbox.core.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Deadlines in business time where the SOP of the approval's flow says {@code business_hours_only}:
 * a day's timeout from Friday afternoon runs into Monday, and its blackout dates do not count.
 */
public record BusinessDeadlines(NotificationDirectory directory, BusinessCalendar calendar) implements Deadlines {
    @Override
    public Instant after(UnitOfWork work, UUID correlationId, Instant start, Duration amount) {
        SopRules rules = correlationId == null ? SopRules.NONE : directory.rules(work, correlationId);
        return rules.businessHoursOnly()
                ? calendar.withBlackout(rules.blackoutDates()).plus(start, amount)
                : start.plus(amount);
    }
}

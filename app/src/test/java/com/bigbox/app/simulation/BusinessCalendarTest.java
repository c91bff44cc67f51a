package com.bigbox.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    @Test
    void officeHoursAreWeekdaysNineToSix() {
        assertThat(BusinessCalendar.open(Instant.parse("2026-01-05T09:00:00Z"))).isTrue();
        assertThat(BusinessCalendar.open(Instant.parse("2026-01-05T18:00:00Z"))).isFalse();
        assertThat(BusinessCalendar.open(Instant.parse("2026-01-10T10:00:00Z"))).isFalse();
    }

    @Test
    void aPersonsDelayCountsOfficeHoursOnly() {
        // Friday 17:00 + 2 working hours = Monday 10:00
        assertThat(BusinessCalendar.plusBusinessHours(Instant.parse("2026-01-09T17:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-01-12T10:00:00Z"));
        assertThat(BusinessCalendar.nextOpen(Instant.parse("2026-01-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-12T09:00:00Z"));
        assertThat(BusinessCalendar.plusBusinessDays(Instant.parse("2026-01-09T12:00:00Z"), 1, 10))
                .isEqualTo(Instant.parse("2026-01-12T10:00:00Z"));
    }
}

package com.bigbox.autonomic.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.sop.SopDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a notification may go: business hours and blackout dates of the SOP, the person's quiet hours. */
class DeliveryTimingTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final BusinessCalendar CALENDAR =
            new BusinessCalendar(LocalTime.of(9, 0), LocalTime.of(17, 0), BusinessCalendar.WEEKDAYS, BERLIN, Set.of());
    static final SopRules BUSINESS_HOURS =
            new SopRules("s", List.of(), new SopDocument.TimeRestrictions(true, List.of()));
    static final QuietHours NIGHTS = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN, true);

    static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void anSopKeptToBusinessHoursHoldsAnEveningRequestUntilNineTheNextWorkingDay() {
        // Friday 18:30 → Monday 09:00.
        assertThat(DeliveryTiming.sendAt(berlin("2026-12-04T18:30"), Trigger.REQUESTED, BUSINESS_HOURS, CALENDAR, null))
                .isEqualTo(berlin("2026-12-07T09:00"));
        assertThat(DeliveryTiming.sendAt(berlin("2026-12-07T10:15"), Trigger.REMINDER, BUSINESS_HOURS, CALENDAR, null))
                .as("within hours it goes at once")
                .isEqualTo(berlin("2026-12-07T10:15"));
    }

    @Test
    void blackoutDatesHoldWholeDaysEvenWithoutBusinessHours() {
        var christmas = new SopRules(
                "s", List.of(), new SopDocument.TimeRestrictions(false, List.of("2026-12-24", "2026-12-25")));
        assertThat(DeliveryTiming.sendAt(berlin("2026-12-24T11:00"), Trigger.REQUESTED, christmas, CALENDAR, null))
                .isEqualTo(berlin("2026-12-26T00:00"));
        assertThat(DeliveryTiming.sendAt(berlin("2026-12-23T23:00"), Trigger.REQUESTED, christmas, CALENDAR, null))
                .isEqualTo(berlin("2026-12-23T23:00"));
    }

    @Test
    void quietHoursHoldUntilTheyEndAndACeoInterruptGoesThroughThem() {
        Instant lateNight = berlin("2026-12-08T23:40");
        assertThat(DeliveryTiming.sendAt(lateNight, Trigger.REQUESTED, SopRules.NONE, CALENDAR, NIGHTS))
                .isEqualTo(berlin("2026-12-09T07:00"));
        assertThat(DeliveryTiming.sendAt(lateNight, Trigger.CEO_INTERRUPT, BUSINESS_HOURS, CALENDAR, NIGHTS))
                .as("neither business hours nor quiet hours hold a CEO interrupt")
                .isEqualTo(lateNight);
        var strict = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN, false);
        assertThat(DeliveryTiming.sendAt(lateNight, Trigger.CEO_INTERRUPT, SopRules.NONE, CALENDAR, strict))
                .as("unless the person said even those wait")
                .isEqualTo(berlin("2026-12-09T07:00"));
    }

    @Test
    void quietHoursAndBusinessHoursTogetherSettleOnTheFirstMinuteBothAllow() {
        var lateMornings = new QuietHours(LocalTime.of(17, 0), LocalTime.of(10, 30), BERLIN, true);
        assertThat(DeliveryTiming.sendAt(
                        berlin("2026-12-08T16:59"), Trigger.ESCALATED, BUSINESS_HOURS, CALENDAR, lateMornings))
                .isEqualTo(berlin("2026-12-08T16:59"));
        assertThat(DeliveryTiming.sendAt(
                        berlin("2026-12-08T17:30"), Trigger.ESCALATED, BUSINESS_HOURS, CALENDAR, lateMornings))
                .isEqualTo(berlin("2026-12-09T10:30"));
    }

    @Test
    void deadlinesCountOnlyOpenTime() {
        // 24 business hours from Thursday 15:00: Thu 2 h, Fri 8 h, Mon 8 h, Tue 6 h → Tuesday 15:00.
        assertThat(CALENDAR.plus(berlin("2026-12-03T15:00"), java.time.Duration.ofHours(24)))
                .isEqualTo(berlin("2026-12-08T15:00"));
        var withHoliday = CALENDAR.withBlackout(Set.of(LocalDate.parse("2026-12-07")));
        assertThat(withHoliday.plus(berlin("2026-12-04T16:00"), java.time.Duration.ofHours(2)))
                .as("Friday's last hour, Monday off, Tuesday's first hour")
                .isEqualTo(berlin("2026-12-08T10:00"));
    }
}

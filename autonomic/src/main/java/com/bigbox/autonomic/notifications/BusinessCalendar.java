package com.bigbox.autonomic.notifications;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When the agency works: weekdays {@code open}–{@code close} in its time zone, minus the blackout
 * dates of an SOP's {@code time_restrictions}. Steps the SOP holds to business hours wait for the next
 * open minute, and their deadlines count only open time.
 */
public record BusinessCalendar(
        LocalTime open, LocalTime close, Set<DayOfWeek> days, ZoneId zone, Set<LocalDate> blackout) {
    public static final Set<DayOfWeek> WEEKDAYS =
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    public BusinessCalendar {
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("business hours must open before they close: " + open + "-" + close);
        }
        days = Set.copyOf(days);
        blackout = Set.copyOf(blackout);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one working day");
        }
    }

    /** The same hours with these blackout dates (an SOP's). */
    public BusinessCalendar withBlackout(Set<LocalDate> dates) {
        return new BusinessCalendar(open, close, days, zone, dates);
    }

    private boolean workingDay(LocalDate d) {
        return days.contains(d.getDayOfWeek()) && !blackout.contains(d);
    }

    public boolean isOpen(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        return workingDay(local.toLocalDate()) && !time.isBefore(open) && time.isBefore(close);
    }

    /** {@code t} when open, else the next opening. */
    public Instant nextOpen(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        if (isOpen(t)) {
            return t;
        }
        LocalDate day = local.toLocalDate();
        if (!workingDay(day) || !local.toLocalTime().isBefore(open)) {
            day = day.plusDays(1);
        }
        // A year of blackout dates is the most any SOP declares; beyond it the calendar is broken.
        for (int i = 0; i < 400 && !workingDay(day); i++) {
            day = day.plusDays(1);
        }
        if (!workingDay(day)) {
            throw new IllegalStateException("no working day within 400 days of " + t);
        }
        return day.atTime(open).atZone(zone).toInstant();
    }

    /** The instant {@code amount} of open time after {@code start}: a deadline counted in business time. */
    public Instant plus(Instant start, Duration amount) {
        Instant t = nextOpen(start);
        Duration left = amount;
        while (true) {
            ZonedDateTime local = t.atZone(zone);
            Instant closing = local.toLocalDate().atTime(close).atZone(zone).toInstant();
            Duration today = Duration.between(t, closing);
            if (left.compareTo(today) <= 0) {
                return t.plus(left);
            }
            left = left.minus(today);
            t = nextOpen(closing);
        }
    }
}

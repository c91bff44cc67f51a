package com.bigbox.app.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The agency's working week: Monday to Friday, 09:00 to 18:00 UTC. People act only then; time passes always. */
public final class BusinessCalendar {
    static final int OPENS = 9;
    static final int CLOSES = 18;

    private BusinessCalendar() {}

    public static boolean open(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return businessDay(t.toLocalDate()) && t.getHour() >= OPENS && t.getHour() < CLOSES;
    }

    public static boolean businessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** {@code at} if the agency is open then, else the next opening. */
    public static Instant nextOpen(Instant at) {
        if (open(at)) {
            return at;
        }
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        LocalDate day = t.getHour() < OPENS ? t.toLocalDate() : t.toLocalDate().plusDays(1);
        while (!businessDay(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(OPENS, 0).toInstant(ZoneOffset.UTC);
    }

    /** {@code hours} of working time after {@code from} (a person's delay counts office hours only). */
    public static Instant plusBusinessHours(Instant from, double hours) {
        Instant at = nextOpen(from);
        long left = Math.round(hours * 60);
        while (left > 0) {
            Instant close =
                    at.atZone(ZoneOffset.UTC).toLocalDate().atTime(CLOSES, 0).toInstant(ZoneOffset.UTC);
            long today = Duration.between(at, close).toMinutes();
            if (left < today) {
                return at.plus(Duration.ofMinutes(left));
            }
            left -= today;
            at = nextOpen(close);
        }
        return at;
    }

    /** The working day {@code days} business days after the day of {@code from}, at {@code hour}:00. */
    public static Instant plusBusinessDays(Instant from, int days, int hour) {
        LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate();
        int left = days;
        while (left > 0 || !businessDay(day)) {
            day = day.plusDays(1);
            if (businessDay(day)) {
                left--;
            }
        }
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}

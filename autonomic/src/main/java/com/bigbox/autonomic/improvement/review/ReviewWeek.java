package com.bigbox.autonomic.improvement.review;

import com.bigbox.autonomic.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Pattern;

/** An ISO week (Monday 00:00 UTC to the next Monday), written {@code 2026-W48}. */
public record ReviewWeek(int year, int week) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public ReviewWeek {
        LocalDate probe = LocalDate.of(year, 6, 1);
        long weeks = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new InvalidInputException(
                    "week", "week " + week + " does not exist in " + year + " (1 to " + weeks + ")");
        }
    }

    public static ReviewWeek parse(String text) {
        var m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new InvalidInputException(
                    "week", "week must look like 2026-W48 (ISO year, W, week number), was '" + text + "'");
        }
        return new ReviewWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static ReviewWeek of(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return new ReviewWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public Instant start() {
        LocalDate monday = LocalDate.of(year, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return start().plus(java.time.Duration.ofDays(7));
    }

    public ReviewWeek previous() {
        return of(start().minusSeconds(1));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d-W%02d", year, week);
    }
}

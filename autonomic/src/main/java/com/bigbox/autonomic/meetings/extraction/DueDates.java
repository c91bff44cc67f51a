package com.bigbox.autonomic.meetings.extraction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When something is due, from the words that say it ("by Friday", "next week", "end of Q3", "in two weeks",
 * "March 12th"), as a date relative to the day of the meeting. A span of time resolves to its last working day
 * ("next week" is due the Friday of next week), since a task due "next week" is late only after it.
 */
public final class DueDates {
    /** A resolved date with the words it came from. */
    public record Due(LocalDate date, String words, int begin, int end) {}

    private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String MONTH =
            "(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
    private static final String UNIT = "(day|days|week|weeks|month|months)";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern QUARTER = Pattern.compile(
            "\\b(end|start|beginning|middle) of (?:the )?(?:q([1-4])|(first|second|third|fourth) quarter)\\b|\\bq([1-4])\\b");
    private static final Pattern NEXT_WEEKDAY = Pattern.compile("\\bnext " + WEEKDAY + "\\b");
    private static final Pattern WEEKDAY_ALONE = Pattern.compile("\\b(?:this )?" + WEEKDAY + "\\b");
    private static final Pattern IN_N = Pattern.compile(
            "\\b(?:in|within) (?:the next )?((?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few|\\d+)(?: \\w+)?) "
                    + UNIT + "\\b");
    private static final Pattern PERIOD = Pattern.compile(
            "\\b(?:(end of|by the end of|start of|beginning of) )?(?:the )?(this|next) (week|month|year)\\b|\\b(?:by )?(?:the )?end of (?:the )?(week|month|year|day)\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTH + "\\b|\\b" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern RELATIVE_DAY =
            Pattern.compile("\\b(today|tonight|tomorrow|end of day|eod|day after tomorrow)\\b");

    private DueDates() {}

    /** The first due date the text states, relative to {@code meetingDay}. */
    public static Optional<Due> find(String text, LocalDate meetingDay) {
        String t = text.toLowerCase(Locale.ROOT);
        var found = new ArrayList<Due>();
        iso(t, found);
        quarter(t, meetingDay, found);
        dayMonth(t, meetingDay, found);
        relativeDay(t, meetingDay, found);
        inN(t, meetingDay, found);
        period(t, meetingDay, found);
        weekday(t, meetingDay, found);
        return found.stream().min(java.util.Comparator.comparingInt(Due::begin));
    }

    private static void iso(String t, List<Due> out) {
        Matcher m = ISO.matcher(t);
        while (m.find()) {
            try {
                out.add(due(LocalDate.parse(m.group()), m));
            } catch (java.time.DateTimeException ignored) {
                // not a real date ("2026-13-45"): no due date from these words
            }
        }
    }

    private static void quarter(String t, LocalDate day, List<Due> out) {
        Matcher m = QUARTER.matcher(t);
        while (m.find()) {
            String digit = m.group(2) != null ? m.group(2) : m.group(4);
            int q = digit != null
                    ? Integer.parseInt(digit)
                    : List.of("first", "second", "third", "fourth").indexOf(m.group(3)) + 1;
            int year = day.getYear();
            if (YearMonth.of(year, q * 3).atEndOfMonth().isBefore(day)) {
                year++;
            }
            String edge = m.group(1) == null ? "end" : m.group(1);
            LocalDate date = switch (edge) {
                case "start", "beginning" -> LocalDate.of(year, q * 3 - 2, 1);
                case "middle" -> LocalDate.of(year, q * 3 - 1, 15);
                default -> YearMonth.of(year, q * 3).atEndOfMonth();
            };
            out.add(due(date, m));
        }
    }

    private static void dayMonth(String t, LocalDate day, List<Due> out) {
        Matcher m = DAY_MONTH.matcher(t);
        while (m.find()) {
            int dom = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            Month month = month(m.group(2) != null ? m.group(2) : m.group(3));
            if (dom < 1 || dom > month.maxLength()) {
                continue;
            }
            LocalDate date = LocalDate.of(
                    day.getYear(),
                    month,
                    Math.min(dom, YearMonth.of(day.getYear(), month).lengthOfMonth()));
            out.add(due(date.isBefore(day) ? date.plusYears(1) : date, m));
        }
    }

    private static void relativeDay(String t, LocalDate day, List<Due> out) {
        Matcher m = RELATIVE_DAY.matcher(t);
        while (m.find()) {
            int plus = switch (m.group(1)) {
                case "tomorrow" -> 1;
                case "day after tomorrow" -> 2;
                default -> 0;
            };
            out.add(due(day.plusDays(plus), m));
        }
    }

    private static void inN(String t, LocalDate day, List<Due> out) {
        Matcher m = IN_N.matcher(t);
        while (m.find()) {
            String amount = m.group(1)
                    .replace("couple of", "two")
                    .replace("few", "three")
                    .replaceAll("^an?$", "one");
            Optional<java.math.BigDecimal> n = SpokenNumbers.value(List.of(amount.split(" ")), false);
            if (n.isEmpty()) {
                continue;
            }
            long k = n.get().longValue();
            LocalDate date = switch (m.group(2)) {
                case "day", "days" -> day.plusDays(k);
                case "week", "weeks" -> day.plusWeeks(k);
                default -> day.plusMonths(k);
            };
            out.add(due(date, m));
        }
    }

    private static void period(String t, LocalDate day, List<Due> out) {
        Matcher m = PERIOD.matcher(t);
        while (m.find()) {
            boolean start = m.group(1) != null && !m.group(1).contains("end");
            String which = m.group(2) == null ? "this" : m.group(2);
            String unit = m.group(3) != null ? m.group(3) : m.group(4);
            LocalDate date = switch (unit) {
                case "day" -> day;
                case "week" -> {
                    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                            .plusWeeks(which.equals("next") ? 1 : 0);
                    yield start ? monday : monday.plusDays(4);
                }
                case "month" -> {
                    YearMonth ym = YearMonth.from(day).plusMonths(which.equals("next") ? 1 : 0);
                    yield start ? ym.atDay(1) : ym.atEndOfMonth();
                }
                default -> {
                    int year = day.getYear() + (which.equals("next") ? 1 : 0);
                    yield start ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
                }
            };
            out.add(due(date, m));
        }
    }

    private static void weekday(String t, LocalDate day, List<Due> out) {
        Matcher next = NEXT_WEEKDAY.matcher(t);
        while (next.find()) {
            DayOfWeek d = DayOfWeek.valueOf(next.group(1).toUpperCase(Locale.ROOT));
            // "next Tuesday": the Tuesday of next week
            out.add(due(
                    day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                            .plusWeeks(1)
                            .with(TemporalAdjusters.nextOrSame(d)),
                    next));
        }
        Matcher m = WEEKDAY_ALONE.matcher(t);
        while (m.find()) {
            if (m.start() >= 5 && t.startsWith("next ", m.start() - 5)) {
                continue;
            }
            DayOfWeek d = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            out.add(due(day.with(TemporalAdjusters.next(d)), m));
        }
    }

    private static Month month(String name) {
        for (Month mo : Month.values()) {
            String full = mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (full.equals(name) || full.startsWith(name)) {
                return mo;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static Due due(LocalDate date, Matcher m) {
        return new Due(date, m.group(), m.start(), m.end());
    }
}

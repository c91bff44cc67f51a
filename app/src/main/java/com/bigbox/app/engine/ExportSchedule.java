package com.bigbox.app.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The continuous export's settings: {@code BIGBOX_EXPORT_SCHEDULE} (how often: {@code 30s},
 * {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601 such as {@code PT15M}; unset means no continuous
 * export), {@code BIGBOX_EXPORT_DIR} (default {@code <home>/export}) and
 * {@code BIGBOX_EXPORT_SEGMENT_EVENTS}.
 */
record ExportSchedule(Duration every, Path directory, int segmentEvents) {
    private static final Pattern SHORT = Pattern.compile("(?:every\\s+)?(\\d+)\\s*(s|m|h|d)", Pattern.CASE_INSENSITIVE);
    private static final Duration SHORTEST = Duration.ofSeconds(1);

    static Optional<ExportSchedule> from(Settings settings) {
        Optional<String> schedule = settings.get("BIGBOX_EXPORT_SCHEDULE");
        if (schedule.isEmpty()) {
            return Optional.empty();
        }
        Duration every = parse(schedule.get());
        Path directory = settings.get("BIGBOX_EXPORT_DIR")
                .map(Path::of)
                .orElse(settings.home().resolve("export"));
        int segmentEvents = settings.integer("BIGBOX_EXPORT_SEGMENT_EVENTS", 100_000, 1, 10_000_000);
        return Optional.of(new ExportSchedule(every, directory.toAbsolutePath(), segmentEvents));
    }

    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text.strip());
        Duration every;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            every = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                every = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new Settings.SettingException(
                        "BIGBOX_EXPORT_SCHEDULE",
                        "must be an interval such as 30s, 5m, 1h, 1d or PT15M, was '" + text + "'");
            }
        }
        if (every.compareTo(SHORTEST) < 0) {
            throw new Settings.SettingException(
                    "BIGBOX_EXPORT_SCHEDULE", "must be at least 1 second, was '" + text + "'");
        }
        return every;
    }
}

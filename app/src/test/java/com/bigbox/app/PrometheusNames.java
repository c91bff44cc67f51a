package com.bigbox.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prometheus' naming conventions (prometheus.io/docs/practices/naming) as checks over a scrape in
 * the text format: base units (seconds, bytes), a unit said once, no time window in a name (that is
 * what range queries are for), {@code _total} on counters and only on counters, and counts served as
 * counters rather than gauges.
 */
final class PrometheusNames {
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> NON_BASE_UNITS = Set.of(
            "ns",
            "nanoseconds",
            "us",
            "micros",
            "microseconds",
            "ms",
            "millis",
            "milliseconds",
            "minutes",
            "hours",
            "days",
            "kb",
            "kilobytes",
            "mb",
            "megabytes",
            "gb",
            "gigabytes",
            "percent");
    private static final Pattern WINDOW =
            Pattern.compile("\\d+(s|m|h|d|w|y|min|days?|hours?)|daily|weekly|monthly|hourly");
    // Words that name things happening, which only grow: a gauge so named should be a counter.
    private static final Pattern COUNT_WORDS =
            Pattern.compile(".*_(processed|escalations|failures|errors|appended|delivered|sent|received|requests)$");
    // The operating system defines its load averages over these windows; they are quantities, not a
    // window the engine chose to aggregate over.
    private static final Set<String> DEFINED_WINDOWS = Set.of("system_load_average_1m");

    private PrometheusNames() {}

    /** Every metric family's name and type, from the scrape's {@code # TYPE} lines. */
    static Map<String, String> families(String scrape) {
        var families = new LinkedHashMap<String, String>();
        for (String line : scrape.lines().toList()) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                families.put(parts[2], parts[3]);
            }
        }
        return families;
    }

    /** What is wrong with each family's name, one line per fault; empty when every name follows the conventions. */
    static List<String> violations(Map<String, String> families) {
        var faults = new ArrayList<String>();
        families.forEach((name, type) -> faults.addAll(violations(name, type)));
        return faults;
    }

    static List<String> violations(String family, String type) {
        var faults = new ArrayList<String>();
        String name = family.endsWith("_total") ? family.substring(0, family.length() - "_total".length()) : family;
        if (!LEGAL.matcher(family).matches()) {
            faults.add(family + ": not a legal metric name");
        }
        String[] words = name.split("_");
        Set<String> seen = new HashSet<>();
        for (String word : words) {
            if (NON_BASE_UNITS.contains(word)) {
                faults.add(family + ": '" + word + "' is not a base unit (use seconds, bytes, ratio)");
            }
            if (WINDOW.matcher(word).matches() && !DEFINED_WINDOWS.contains(family)) {
                faults.add(family + ": '" + word + "' puts a time window in the name");
            }
            if (!word.isEmpty() && !seen.add(word)) {
                faults.add(family + ": '" + word + "' is said twice");
            }
        }
        if (type.equals("counter") && family.endsWith("_count")) {
            faults.add(family + ": a counter named _count reads as a histogram's count");
        }
        if (!type.equals("counter") && family.endsWith("_total")) {
            faults.add(family + ": _total belongs to counters, this is a " + type);
        }
        if (type.equals("gauge") && COUNT_WORDS.matcher(name).matches()) {
            faults.add(family + ": counts what happened, so it should be a counter, not a gauge");
        }
        return faults;
    }
}

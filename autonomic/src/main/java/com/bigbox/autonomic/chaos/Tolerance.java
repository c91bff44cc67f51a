package com.bigbox.autonomic.chaos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a probe's value must be for the system to count as normal (the Chaos Toolkit's tolerance
 * kinds). Values are plain data: null, booleans, numbers, strings, lists and maps. Numbers compare
 * by value, so {@code 0} accepts {@code 0.0}.
 */
public sealed interface Tolerance
        permits Tolerance.Exactly, Tolerance.OneOf, Tolerance.Range, Tolerance.Regex, Tolerance.JsonPath {

    boolean accepts(@Nullable Object value);

    /** The tolerance as plain data, for the journal. */
    Map<String, Object> describe();

    /** A boolean, number or string the value must equal. */
    record Exactly(Object expected) implements Tolerance {
        @Override
        public boolean accepts(@Nullable Object value) {
            return same(expected, value);
        }

        @Override
        public Map<String, Object> describe() {
            var d = new LinkedHashMap<String, Object>();
            d.put("type", "exactly");
            d.put("value", expected);
            return d;
        }
    }

    /** The value must equal one of these. */
    record OneOf(List<Object> values) implements Tolerance {
        public OneOf {
            values = List.copyOf(values);
        }

        @Override
        public boolean accepts(@Nullable Object value) {
            return values.stream().anyMatch(v -> same(v, value));
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("type", "one_of", "values", values);
        }
    }

    /** A number within {@code [min, max]}; {@code target} picks a field of a map value. */
    record Range(double min, double max, @Nullable String target) implements Tolerance {
        public Range {
            Experiment.require(min <= max, "tolerance.range", "must be [low, high] with low <= high");
        }

        @Override
        public boolean accepts(@Nullable Object value) {
            Object picked = pick(value, target);
            if (!(picked instanceof Number n)) {
                return false;
            }
            double d = n.doubleValue();
            return d >= min && d <= max;
        }

        @Override
        public Map<String, Object> describe() {
            var d = new LinkedHashMap<String, Object>();
            d.put("type", "range");
            d.put("range", List.of(min, max));
            if (target != null) {
                d.put("target", target);
            }
            return d;
        }
    }

    /** Text matching a regular expression somewhere; {@code target} picks a field of a map value. */
    record Regex(Pattern pattern, @Nullable String target) implements Tolerance {
        @Override
        public boolean accepts(@Nullable Object value) {
            Object picked = pick(value, target);
            return picked != null && pattern.matcher(String.valueOf(picked)).find();
        }

        @Override
        public Map<String, Object> describe() {
            var d = new LinkedHashMap<String, Object>();
            d.put("type", "regex");
            d.put("pattern", pattern.pattern());
            if (target != null) {
                d.put("target", target);
            }
            return d;
        }
    }

    /**
     * The values at a JSON path ({@code $.a.b}, {@code $.list[0]}) must all be among {@code expect},
     * or, without {@code expect}, exist.
     */
    record JsonPath(
            String path, List<Object> expect, @Nullable String target) implements Tolerance {
        private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_-]*)|\\[(\\d+)]");

        public JsonPath {
            Experiment.require(
                    path != null && path.startsWith("$"), "tolerance.path", "must be a JSON path starting with $");
            Experiment.require(
                    segments(path) != null,
                    "tolerance.path",
                    "supports $.name and [index] segments, was '" + path + "'");
            expect = expect == null ? List.of() : List.copyOf(expect);
        }

        @Override
        public boolean accepts(@Nullable Object value) {
            Object found = pick(value, target);
            // The constructor refused a path segments() cannot read, so it reads this one.
            for (Object segment : Objects.requireNonNull(segments(path))) {
                if (segment instanceof String key && found instanceof Map<?, ?> map && map.containsKey(key)) {
                    found = map.get(key);
                } else if (segment instanceof Integer index && found instanceof List<?> list && index < list.size()) {
                    found = list.get(index);
                } else {
                    return false;
                }
            }
            if (expect.isEmpty()) {
                return found != null;
            }
            Object result = found;
            return expect.stream().anyMatch(e -> same(e, result));
        }

        @Override
        public Map<String, Object> describe() {
            var d = new LinkedHashMap<String, Object>();
            d.put("type", "jsonpath");
            d.put("path", path);
            d.put("expect", expect);
            if (target != null) {
                d.put("target", target);
            }
            return d;
        }

        private static @Nullable List<Object> segments(String path) {
            var segments = new ArrayList<Object>();
            Matcher m = SEGMENT.matcher(path);
            int at = 1;
            while (at < path.length()) {
                if (!m.find(at) || m.start() != at) {
                    return null;
                }
                segments.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
                at = m.end();
            }
            return segments;
        }
    }

    private static @Nullable Object pick(@Nullable Object value, @Nullable String target) {
        if (target == null) {
            return value;
        }
        return value instanceof Map<?, ?> map ? map.get(target) : null;
    }

    private static boolean same(@Nullable Object expected, @Nullable Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            try {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
            }
        }
        return Objects.equals(expected, actual);
    }
}

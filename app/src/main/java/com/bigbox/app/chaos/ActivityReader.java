package com.bigbox.app.chaos;

import static com.bigbox.app.chaos.DefinitionFields.list;
import static com.bigbox.app.chaos.DefinitionFields.map;
import static com.bigbox.app.chaos.DefinitionFields.optionalText;
import static com.bigbox.app.chaos.DefinitionFields.strings;
import static com.bigbox.app.chaos.DefinitionFields.text;

import com.bigbox.autonomic.chaos.Activity;
import com.bigbox.autonomic.chaos.InvalidExperimentException;
import com.bigbox.autonomic.chaos.Provider;
import com.bigbox.autonomic.chaos.Tolerance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One activity of an experiment file (a probe or an action): its provider, tolerance and pauses, in the Chaos
 * Toolkit's keys. An {@code http} provider that calls one of the engine's chaos functions becomes the function
 * itself, so the toolkit's file and this runner's are one.
 */
final class ActivityReader {
    /**
     * The engine's chaos functions as the Chaos Toolkit calls them ({@code POST <engine>/admin/v1/chaos/functions/<name>});
     * this runner calls the same functions itself, so the toolkit's file and this runner's are one.
     */
    static final Pattern FUNCTION_URL = Pattern.compile("\\$\\{bigbox_url}/admin/v1/chaos/functions/([a-z_]+)");

    private ActivityReader() {}

    static Activity activity(Object value, String where) {
        if (!(value instanceof Map<?, ?> raw)) {
            throw new InvalidExperimentException(where, "must be a mapping with type, name and provider");
        }
        Map<String, Object> a = strings(raw, where + ".");
        String type = text(a, "type", where + ".type");
        String name = text(a, "name", where + ".name");
        Provider provider = provider(map(a, "provider", where + ".provider"), where + ".provider");
        var pauses = pauses(map(a, "pauses", where + ".pauses"), where + ".pauses");
        // A function called over HTTP returns its value as the body: run here, the value is the function's own.
        boolean function = provider instanceof Provider.Builtin;
        return switch (type) {
            case "action" -> new Activity.Action(name, provider, pauses, Boolean.TRUE.equals(a.get("background")));
            case "probe" ->
                new Activity.Probe(
                        name,
                        provider,
                        a.containsKey("tolerance")
                                ? tolerance(a.get("tolerance"), where + ".tolerance", function)
                                : null,
                        pauses);
            default ->
                throw new InvalidExperimentException(where + ".type", "must be action or probe, was '" + type + "'");
        };
    }

    private static Provider provider(Map<String, Object> p, String where) {
        if (p.isEmpty()) {
            throw new InvalidExperimentException(where, "is required");
        }
        String type = text(p, "type", where + ".type");
        return switch (type) {
            case "bigbox" ->
                new Provider.Builtin(text(p, "func", where + ".func"), map(p, "arguments", where + ".arguments"));
            case "http" -> {
                Matcher call = FUNCTION_URL.matcher(text(p, "url", where + ".url"));
                if (call.matches()) {
                    yield new Provider.Builtin(call.group(1), map(p, "arguments", where + ".arguments"));
                }
                var headers = new LinkedHashMap<String, String>();
                map(p, "headers", where + ".headers").forEach((k, v) -> headers.put(k, String.valueOf(v)));
                Object body = p.get("arguments");
                yield new Provider.Http(
                        text(p, "url", where + ".url"),
                        optionalText(p, "method", where + ".method"),
                        headers,
                        body == null ? null : String.valueOf(body),
                        seconds(p.get("timeout"), where + ".timeout"));
            }
            default ->
                throw new InvalidExperimentException(where + ".type", "must be bigbox or http, was '" + type + "'");
        };
    }

    private static Tolerance tolerance(Object t, String where, boolean function) {
        if (t instanceof Boolean || t instanceof Number || t instanceof String) {
            return new Tolerance.Exactly(t);
        }
        if (t instanceof List<?> values) {
            return new Tolerance.OneOf(new ArrayList<Object>(values));
        }
        if (!(t instanceof Map<?, ?> raw)) {
            throw new InvalidExperimentException(where, "must be a value, a list of values, or a mapping with a type");
        }
        Map<String, Object> m = strings(raw, where + ".");
        String given = optionalText(m, "target", where + ".target");
        String target = function && "body".equals(given) ? null : given;
        String type = text(m, "type", where + ".type");
        return switch (type) {
            case "range" -> {
                List<Object> range = list(m, "range", where + ".range");
                if (range.size() != 2
                        || !(range.get(0) instanceof Number low)
                        || !(range.get(1) instanceof Number high)) {
                    throw new InvalidExperimentException(where + ".range", "must be [low, high], two numbers");
                }
                yield new Tolerance.Range(low.doubleValue(), high.doubleValue(), target);
            }
            case "regex" -> {
                try {
                    yield new Tolerance.Regex(Pattern.compile(text(m, "pattern", where + ".pattern")), target);
                } catch (PatternSyntaxException e) {
                    throw new InvalidExperimentException(
                            where + ".pattern", "is not a regular expression: " + e.getDescription());
                }
            }
            case "jsonpath" -> {
                Object expect = m.get("expect");
                List<Object> expected = expect == null
                        ? List.of()
                        : expect instanceof List<?> l ? new ArrayList<Object>(l) : List.of(expect);
                yield new Tolerance.JsonPath(text(m, "path", where + ".path"), expected, target);
            }
            default ->
                throw new InvalidExperimentException(
                        where + ".type", "must be range, regex or jsonpath, was '" + type + "'");
        };
    }

    private static Activity.Pauses pauses(Map<String, Object> p, String where) {
        return new Activity.Pauses(
                seconds(p.get("before"), where + ".before"), seconds(p.get("after"), where + ".after"));
    }

    private static Duration seconds(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 3600) {
            throw new InvalidExperimentException(where, "must be a number of seconds from 0 to 3600");
        }
        return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    }
}

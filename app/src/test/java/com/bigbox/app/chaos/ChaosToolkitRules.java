package com.bigbox.app.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The structural rules the Chaos Toolkit's validator ({@code chaos validate}, chaostoolkit-lib's
 * {@code ensure_experiment_is_valid}, {@code ensure_activity_is_valid}, {@code ensure_hypothesis_is_valid},
 * {@code validate_http_activity}) applies, restated so that a build without Python checks the shipped
 * experiments the same way; plus the one the toolkit only finds at run time: every {@code ${name}}
 * must be a configuration or secret key.
 */
final class ChaosToolkitRules {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private ChaosToolkitRules() {}

    static List<String> violations(Map<String, Object> e) {
        var faults = new ArrayList<String>();
        if (!(e.get("title") instanceof String t) || t.isEmpty()) {
            faults.add("experiment requires a title");
        }
        if (!(e.get("description") instanceof String d) || d.isEmpty()) {
            faults.add("experiment requires a description");
        }
        if (e.get("tags") instanceof List<?> tags
                && tags.stream().anyMatch(t -> !(t instanceof String s) || s.isEmpty())) {
            faults.add("experiment tags must be a non-empty string");
        }
        Set<String> known = new java.util.HashSet<>();
        if (e.get("configuration") instanceof Map<?, ?> configuration) {
            configuration.forEach((k, v) -> {
                known.add(String.valueOf(k));
                if (v instanceof Map<?, ?> m && (!"env".equals(m.get("type")) || !(m.get("key") instanceof String))) {
                    faults.add("configuration " + k + " must be a value or {type: env, key}");
                }
            });
        }
        if (e.get("secrets") instanceof Map<?, ?> scopes) {
            scopes.forEach((scope, secrets) -> {
                if (!(secrets instanceof Map<?, ?> inScope)) {
                    faults.add("secrets " + scope + " must be a mapping");
                    return;
                }
                inScope.forEach((k, v) -> {
                    known.add(String.valueOf(k));
                    if (v instanceof Map<?, ?> m
                            && (!"env".equals(m.get("type")) || !(m.get("key") instanceof String))) {
                        faults.add("secret " + scope + "." + k + " must be a value or {type: env, key}");
                    }
                });
            });
        }
        if (e.get("steady-state-hypothesis") instanceof Map<?, ?> h) {
            if (!(h.get("title") instanceof String t) || t.isEmpty()) {
                faults.add("hypothesis requires a title");
            }
            for (Object probe : list(h.get("probes"))) {
                faults.addAll(activity(probe));
                if (!(probe instanceof Map<?, ?> p) || !p.containsKey("tolerance")) {
                    faults.add("hypothesis probe must have a tolerance entry");
                } else {
                    faults.addAll(tolerance(p.get("tolerance")));
                }
            }
        }
        if (!(e.get("method") instanceof List<?> method)) {
            faults.add("an experiment requires a method");
        } else {
            method.forEach(a -> faults.addAll(activity(a)));
        }
        list(e.get("rollbacks")).forEach(a -> faults.addAll(activity(a)));
        references(e, known, faults);
        return faults;
    }

    static List<String> activity(Object value) {
        var faults = new ArrayList<String>();
        if (!(value instanceof Map<?, ?> a) || a.isEmpty()) {
            return List.of("empty activity is no activity");
        }
        if (!"probe".equals(a.get("type")) && !"action".equals(a.get("type"))) {
            faults.add("'" + a.get("type") + "' is not a supported activity type");
        }
        if (!(a.get("name") instanceof String n) || n.isEmpty()) {
            faults.add("an activity must have a name");
        }
        if (!(a.get("provider") instanceof Map<?, ?> p) || p.isEmpty()) {
            faults.add("an activity requires a provider");
            return faults;
        }
        Object type = p.get("type");
        if (!Set.of("python", "process", "http").contains(String.valueOf(type))) {
            faults.add("unknown provider type '" + type + "'");
        }
        if ("http".equals(type) && (!(p.get("url") instanceof String url) || url.isEmpty())) {
            faults.add("a HTTP activity must have a URL");
        }
        if (p.get("headers") != null && !(p.get("headers") instanceof Map)) {
            faults.add("a HTTP activities expect headers as a mapping");
        }
        if (a.get("timeout") != null && !(a.get("timeout") instanceof Number)) {
            faults.add("activity timeout must be a number");
        }
        if (a.get("pauses") instanceof Map<?, ?> pauses) {
            for (String when : List.of("before", "after")) {
                if (pauses.get(when) instanceof String s && !(s.startsWith("${") && s.endsWith("}"))) {
                    faults.add("activity " + when + " pause must be a number or a pattern");
                }
            }
        }
        if (a.containsKey("background") && !(a.get("background") instanceof Boolean)) {
            faults.add("activity background must be a boolean");
        }
        return faults;
    }

    static List<String> tolerance(Object t) {
        if (t instanceof Boolean
                || t instanceof Integer
                || t instanceof Long
                || t instanceof String
                || t instanceof List) {
            return List.of();
        }
        if (!(t instanceof Map<?, ?> m)) {
            return List.of(
                    "hypothesis probe tolerance must either be an integer, a string, a boolean or a pair of values");
        }
        return switch (String.valueOf(m.get("type"))) {
            case "probe" -> activity(m);
            case "regex" -> {
                try {
                    Pattern.compile(String.valueOf(m.get("pattern")));
                    yield m.containsKey("pattern")
                            ? List.of()
                            : List.of("hypothesis regex probe tolerance must have a `pattern` key");
                } catch (PatternSyntaxException bad) {
                    yield List.of("hypothesis probe tolerance pattern seems invalid");
                }
            }
            case "jsonpath" ->
                m.get("path") instanceof String p && !p.isBlank() && p.startsWith("$")
                        ? List.of()
                        : List.of("hypothesis jsonpath probe tolerance must have a `path` key");
            case "range" ->
                m.get("range") instanceof List<?> r
                                && r.size() == 2
                                && r.get(0) instanceof Number
                                && r.get(1) instanceof Number
                        ? List.of()
                        : List.of("hypothesis range must be a sequence of two numbers");
            default -> List.of("hypothesis probe tolerance type '" + m.get("type") + "' is unsupported");
        };
    }

    private static void references(Object node, Set<String> known, List<String> faults) {
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> references(v, known, faults));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> references(v, known, faults));
        } else if (node instanceof String s) {
            Matcher r = REFERENCE.matcher(s);
            while (r.find()) {
                if (!known.contains(r.group(1))) {
                    faults.add("${" + r.group(1) + "} is neither configuration nor a secret");
                }
            }
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}

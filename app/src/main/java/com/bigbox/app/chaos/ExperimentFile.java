package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.Activity;
import com.bigbox.autonomic.chaos.Experiment;
import com.bigbox.autonomic.chaos.Intensity;
import com.bigbox.autonomic.chaos.InvalidExperimentException;
import com.bigbox.autonomic.chaos.Provider;
import com.bigbox.autonomic.chaos.RollbackStrategy;
import com.bigbox.autonomic.chaos.SteadyStateHypothesis;
import com.bigbox.autonomic.chaos.Tolerance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads an experiment file (YAML or JSON, the Chaos Toolkit's keys) into an {@link Experiment}. The
 * engine's own settings sit in the {@code bigbox} entry of {@code extensions}. A mistake is reported
 * with the path of the key, e.g. {@code method[2].provider.func}.
 *
 * @param definition the file as plain data, kept with the run
 * @param sha256 of the file's bytes
 */
public record ExperimentFile(Path path, Experiment experiment, Map<String, Object> definition, String sha256) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /**
     * The engine's chaos functions as the Chaos Toolkit calls them ({@code POST <engine>/admin/v1/chaos/functions/<name>});
     * this runner calls the same functions itself, so the toolkit's file and this runner's are one.
     */
    static final Pattern FUNCTION_URL = Pattern.compile("\\$\\{bigbox_url}/admin/v1/chaos/functions/([a-z_]+)");

    private static final Set<String> TOP_LEVEL = Set.of(
            "version",
            "title",
            "description",
            "tags",
            "contributions",
            "configuration",
            "secrets",
            "extensions",
            "steady-state-hypothesis",
            "method",
            "rollbacks",
            "controls",
            "runtime");

    public static ExperimentFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InvalidExperimentException(path.toString(), "cannot be read: " + e.getMessage());
        }
        Object tree;
        try {
            tree = YAML.readValue(bytes, Object.class);
        } catch (JsonProcessingException e) {
            throw new InvalidExperimentException(
                    path.toString(),
                    "is not valid YAML: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new InvalidExperimentException(path.toString(), "cannot be read: " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> root)) {
            throw new InvalidExperimentException(
                    path.toString(), "must be a mapping with title, steady-state-hypothesis and method");
        }
        Map<String, Object> definition = strings(root, "");
        for (String key : definition.keySet()) {
            if (!TOP_LEVEL.contains(key)) {
                throw new InvalidExperimentException(
                        key, "is not a key of an experiment; expected some of " + TOP_LEVEL);
            }
        }
        return new ExperimentFile(path, experiment(definition), definition, sha256(bytes));
    }

    /**
     * This experiment with some configuration values given on the command line ({@code --var name=value},
     * as the Chaos Toolkit's): a number or true/false as such, anything else as text. Only names the
     * experiment defines may be given.
     */
    public ExperimentFile withVariables(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return this;
        }
        Experiment e = experiment;
        var configuration = new java.util.LinkedHashMap<>(e.configuration());
        variables.forEach((name, value) -> {
            if (!configuration.containsKey(name)) {
                throw new InvalidExperimentException(
                        "configuration." + name,
                        "is not defined by the experiment, so --var cannot set " + "it; it defines "
                                + configuration.keySet());
            }
            configuration.put(name, scalar(value));
        });
        return new ExperimentFile(
                path,
                new Experiment(
                        e.title(),
                        e.description(),
                        e.version(),
                        e.tags(),
                        e.type(),
                        e.intensity(),
                        e.targetFilter(),
                        configuration,
                        e.hypothesis(),
                        e.method(),
                        e.rollbacks(),
                        e.rollbackStrategy()),
                definition,
                sha256);
    }

    private static Object scalar(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        try {
            return new java.math.BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    private static Experiment experiment(Map<String, Object> d) {
        Map<String, Object> bigbox = bigboxExtension(d);
        return new Experiment(
                text(d, "title", "title"),
                optionalText(d, "description", "description"),
                versionText(d.get("version")),
                list(d, "tags", "tags").stream().map(String::valueOf).toList(),
                text(bigbox, "experiment_type", "extensions.bigbox.experiment_type"),
                bigbox.containsKey("intensity")
                        ? Intensity.parse(text(bigbox, "intensity", "extensions.bigbox.intensity"))
                        : null,
                map(bigbox, "target_filter", "extensions.bigbox.target_filter"),
                map(d, "configuration", "configuration"),
                hypothesis(map(d, "steady-state-hypothesis", "steady-state-hypothesis")),
                activities(list(d, "method", "method"), "method"),
                activities(list(d, "rollbacks", "rollbacks"), "rollbacks"),
                bigbox.containsKey("rollback_strategy")
                        ? RollbackStrategy.parse(
                                text(bigbox, "rollback_strategy", "extensions.bigbox.rollback_strategy"))
                        : null);
    }

    private static Map<String, Object> bigboxExtension(Map<String, Object> d) {
        for (Object extension : list(d, "extensions", "extensions")) {
            if (extension instanceof Map<?, ?> m && "bigbox".equals(m.get("name"))) {
                return strings(m, "extensions.bigbox.");
            }
        }
        throw new InvalidExperimentException(
                "extensions", "must hold an entry with name: bigbox and its experiment_type");
    }

    private static SteadyStateHypothesis hypothesis(Map<String, Object> h) {
        if (h.isEmpty()) {
            throw new InvalidExperimentException("steady-state-hypothesis", "is required");
        }
        var probes = new ArrayList<Activity.Probe>();
        List<Object> given = list(h, "probes", "steady-state-hypothesis.probes");
        for (int i = 0; i < given.size(); i++) {
            String where = "steady-state-hypothesis.probes[" + i + "]";
            if (!(activity(given.get(i), where) instanceof Activity.Probe probe)) {
                throw new InvalidExperimentException(where + ".type", "must be probe");
            }
            probes.add(probe);
        }
        return new SteadyStateHypothesis(text(h, "title", "steady-state-hypothesis.title"), probes);
    }

    private static List<Activity> activities(List<Object> given, String where) {
        var activities = new ArrayList<Activity>();
        for (int i = 0; i < given.size(); i++) {
            activities.add(activity(given.get(i), where + "[" + i + "]"));
        }
        return activities;
    }

    private static Activity activity(Object value, String where) {
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

    private static String versionText(Object version) {
        if (version == null) {
            throw new InvalidExperimentException("version", "is required (e.g. 1.0.0): experiments are versioned");
        }
        return String.valueOf(version);
    }

    private static String text(Map<String, Object> m, String key, String where) {
        Object value = m.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new InvalidExperimentException(where, "is required");
        }
        if (value instanceof Map || value instanceof List) {
            throw new InvalidExperimentException(where, "must be text");
        }
        return String.valueOf(value);
    }

    private static String optionalText(Map<String, Object> m, String key, String where) {
        return m.get(key) == null ? null : text(m, key, where);
    }

    private static Map<String, Object> map(Map<String, Object> m, String key, String where) {
        Object value = m.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw new InvalidExperimentException(where, "must be a mapping");
        }
        return strings(raw, where + ".");
    }

    private static List<Object> list(Map<String, Object> m, String key, String where) {
        Object value = m.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new InvalidExperimentException(where, "must be a list");
        }
        return new ArrayList<Object>(l);
    }

    private static Map<String, Object> strings(Map<?, ?> raw, String where) {
        var m = new LinkedHashMap<String, Object>();
        raw.forEach((k, v) -> {
            if (!(k instanceof String key)) {
                throw new InvalidExperimentException(where + k, "keys must be text");
            }
            m.put(key, v);
        });
        return m;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package com.bigbox.app.chaos;

import static com.bigbox.app.chaos.DefinitionFields.list;
import static com.bigbox.app.chaos.DefinitionFields.map;
import static com.bigbox.app.chaos.DefinitionFields.optionalText;
import static com.bigbox.app.chaos.DefinitionFields.strings;
import static com.bigbox.app.chaos.DefinitionFields.text;

import com.bigbox.autonomic.chaos.Activity;
import com.bigbox.autonomic.chaos.Experiment;
import com.bigbox.autonomic.chaos.Intensity;
import com.bigbox.autonomic.chaos.InvalidExperimentException;
import com.bigbox.autonomic.chaos.RollbackStrategy;
import com.bigbox.autonomic.chaos.SteadyStateHypothesis;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            if (!(ActivityReader.activity(given.get(i), where) instanceof Activity.Probe probe)) {
                throw new InvalidExperimentException(where + ".type", "must be probe");
            }
            probes.add(probe);
        }
        return new SteadyStateHypothesis(text(h, "title", "steady-state-hypothesis.title"), probes);
    }

    private static List<Activity> activities(List<Object> given, String where) {
        var activities = new ArrayList<Activity>();
        for (int i = 0; i < given.size(); i++) {
            activities.add(ActivityReader.activity(given.get(i), where + "[" + i + "]"));
        }
        return activities;
    }

    private static String versionText(Object version) {
        if (version == null) {
            throw new InvalidExperimentException("version", "is required (e.g. 1.0.0): experiments are versioned");
        }
        return String.valueOf(version);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

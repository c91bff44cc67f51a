package com.bigbox.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped experiment is one the real Chaos Toolkit accepts (its validator's rules, restated in
 * {@link ChaosToolkitRules}), and one {@code ./bigbox chaos run} reads into the engine's functions.
 */
class ChaosToolkitFormatTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> experiments() throws Exception {
        List<Path> files;
        try (var listing =
                Files.list(Path.of(System.getProperty("user.dir")).getParent().resolve("chaos"))) {
            files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSize(11);
        return files.stream();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String text) throws Exception {
        return YAML.readValue(text, Map.class);
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void theToolkitsValidatorRulesHold(Path file) throws Exception {
        assertThat(ChaosToolkitRules.violations(yaml(Files.readString(file)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void theEnginesRunnerReadsTheSameFileAsItsOwnFunctions(Path file) {
        var experiment = ExperimentFile.read(file).experiment();
        ChaosRunner.validate(experiment);
        var all = new java.util.ArrayList<com.bigbox.autonomic.chaos.Activity>(
                experiment.hypothesis().probes());
        all.addAll(experiment.method());
        all.addAll(experiment.rollbacks());
        assertThat(all)
                .isNotEmpty()
                .allSatisfy(
                        a -> assertThat(a.provider()).isInstanceOf(com.bigbox.autonomic.chaos.Provider.Builtin.class));
    }

    @Test
    void theRulesRefuseWhatTheToolkitRefused() throws Exception {
        var old = yaml("""
                title: t
                description: d
                steady-state-hypothesis:
                  title: h
                  probes:
                    - {type: probe, name: p, tolerance: 0, provider: {type: bigbox, func: instances_ready}}
                    - {type: probe, name: q, provider: {type: http, url: "${nowhere}/x"}}
                method: []
                """);
        assertThat(ChaosToolkitRules.violations(old))
                .containsExactlyInAnyOrder(
                        "unknown provider type 'bigbox'",
                        "hypothesis probe must have a tolerance entry",
                        "${nowhere} is neither configuration nor a secret");
        assertThat(ChaosToolkitRules.tolerance(Map.of("type", "range", "range", List.of(1))))
                .isNotEmpty();
        assertThat(ChaosToolkitRules.activity(
                        Map.of("type", "action", "name", "a", "provider", Map.of("type", "http"))))
                .containsExactly("a HTTP activity must have a URL");
    }
}

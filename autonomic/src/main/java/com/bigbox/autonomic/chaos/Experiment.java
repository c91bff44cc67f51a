package com.bigbox.autonomic.chaos;

import java.util.List;
import java.util.Map;

/**
 * One chaos experiment as its versioned file declares it (the Chaos Toolkit's shape).
 *
 * @param version the experiment's own version, e.g. {@code 1.0.0}
 * @param type what it is recorded as in {@code chaos_experiments.experiment_type}
 * @param intensity how hard it hits (the original's low / medium / high)
 * @param targetFilter what it aims at, recorded as {@code target_filter}
 * @param configuration values the activities' arguments may refer to as {@code ${name}}
 */
public record Experiment(
        String title,
        String description,
        String version,
        List<String> tags,
        String type,
        Intensity intensity,
        Map<String, Object> targetFilter,
        Map<String, Object> configuration,
        SteadyStateHypothesis hypothesis,
        List<Activity> method,
        List<Activity> rollbacks,
        RollbackStrategy rollbackStrategy) {

    public Experiment {
        require(title != null && !title.isBlank(), "title", "is required");
        require(version != null && version.matches("\\d+\\.\\d+\\.\\d+"), "version", "must be a version such as 1.0.0");
        require(
                type != null && type.matches("[a-z][a-z0-9_]*"),
                "extensions.bigbox.experiment_type",
                "must be a lower-case name such as terminate_connections");
        require(hypothesis != null, "steady-state-hypothesis", "is required");
        require(method != null && !method.isEmpty(), "method", "must hold at least one activity");
        tags = tags == null ? List.of() : List.copyOf(tags);
        targetFilter = targetFilter == null ? Map.of() : Map.copyOf(targetFilter);
        configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
        method = List.copyOf(method);
        rollbacks = rollbacks == null ? List.of() : List.copyOf(rollbacks);
        intensity = intensity == null ? Intensity.MEDIUM : intensity;
        rollbackStrategy = rollbackStrategy == null ? RollbackStrategy.ALWAYS : rollbackStrategy;
        description = description == null ? "" : description;
    }

    static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new InvalidExperimentException(field, problem);
        }
    }
}

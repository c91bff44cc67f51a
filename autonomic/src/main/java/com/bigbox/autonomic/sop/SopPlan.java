package com.bigbox.autonomic.sop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The dependency graph of an SOP's steps. */
final class SopPlan {
    private SopPlan() {}

    /** A dependency cycle as "a -> b -> a", or null when there is none. */
    static @Nullable String findCycle(List<SopDocument.Step> steps) {
        Map<String, List<String>> deps = new HashMap<>();
        steps.forEach(s -> deps.put(s.stepId(), s.dependencies()));
        Set<String> done = new HashSet<>();
        for (SopDocument.Step step : steps) {
            String cycle = visit(step.stepId(), deps, done, new ArrayList<>());
            if (cycle != null) {
                return cycle;
            }
        }
        return null;
    }

    private static @Nullable String visit(
            String id, Map<String, List<String>> deps, Set<String> done, List<String> path) {
        if (path.contains(id)) {
            var cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return String.join(" -> ", cycle);
        }
        if (!done.add(id)) {
            return null;
        }
        path.add(id);
        for (String dep : deps.getOrDefault(id, List.of())) {
            String cycle = visit(dep, deps, done, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.removeLast();
        return null;
    }

    /** Steps that are only someone's fallback: they run when the step they back fails, not otherwise. */
    static Set<String> fallbackOnly(List<SopDocument.Step> steps) {
        Set<String> fallbacks = new HashSet<>();
        steps.forEach(s -> {
            if (s.fallbackStep() != null) {
                fallbacks.add(s.fallbackStep());
            }
        });
        return fallbacks;
    }
}

package com.bigbox.autonomic.projections;

import com.bigbox.autonomic.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every projection of the engine, in an order where each comes after those it depends on; what
 * {@code bigbox replay} rebuilds.
 */
public final class ProjectionRegistry {
    private final Map<String, Projection> byName = new LinkedHashMap<>();

    public ProjectionRegistry(List<Projection> projections) {
        for (Projection p : projections) {
            for (String dependency : p.dependsOn()) {
                if (!byName.containsKey(dependency)) {
                    throw new IllegalArgumentException(
                            p.name() + " depends on " + dependency + ", which must be listed before it");
                }
            }
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("two projections are named " + p.name());
            }
        }
    }

    public List<Projection> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Projection find(String name) {
        Projection p = byName.get(name);
        if (p == null) {
            throw new InvalidInputException("projection", "no projection named '" + name + "'; there are " + names());
        }
        return p;
    }

    /** The projections named and every one that depends on them, in registry order; all when none is named. */
    public List<Projection> withDependents(List<String> names) {
        if (names.isEmpty()) {
            return all();
        }
        Set<String> chosen = new LinkedHashSet<>();
        names.forEach(n -> chosen.add(find(n).name()));
        var selected = new ArrayList<Projection>();
        for (Projection p : byName.values()) {
            if (chosen.contains(p.name()) || p.dependsOn().stream().anyMatch(chosen::contains)) {
                chosen.add(p.name());
                selected.add(p);
            }
        }
        return selected;
    }

    public List<Projection> subscribed() {
        return byName.values().stream()
                .filter(p -> p.mode() == Projection.Mode.SUBSCRIPTION)
                .toList();
    }
}

package com.bigbox.app.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Oversight routed one type of decision over a run, and what the truth says of those that took effect with no
 * person (alone or by silence).
 */
public record DecisionTally(String decisionType, long executed, long asked, long ceo, WeekFigures.Effect effect) {

    /** Every type of gated decision from {@code from} (inclusive) to {@code end} (exclusive), by name. */
    public static List<DecisionTally> of(List<Observation> observations, Instant from, Instant end) {
        var routes = new TreeMap<String, long[]>();
        var effects = new TreeMap<String, WeekFigures.Effect>();
        for (Observation o : observations) {
            if (o.at().isBefore(from) || !o.at().isBefore(end)) {
                continue;
            }
            if (o instanceof Observation.Gated g) {
                routes.computeIfAbsent(g.decisionType(), k -> new long[3])[
                        g.route().ordinal()]++;
            } else if (o instanceof Observation.TookEffect t) {
                routes.computeIfAbsent(t.decisionType(), k -> new long[3]);
                effects.merge(t.decisionType(), WeekFigures.Effect.NONE.plus(t.verdict()), WeekFigures.Effect::plus);
            }
        }
        var tallies = new ArrayList<DecisionTally>();
        for (Map.Entry<String, long[]> e : routes.entrySet()) {
            long[] t = e.getValue();
            tallies.add(new DecisionTally(
                    e.getKey(), t[0], t[1], t[2], effects.getOrDefault(e.getKey(), WeekFigures.Effect.NONE)));
        }
        return tallies;
    }

    public long gated() {
        return executed + asked + ceo;
    }
}

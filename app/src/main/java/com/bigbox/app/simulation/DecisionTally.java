package com.bigbox.app.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How Oversight routed one type of decision over a run, and how many of the autonomous ones were wrong. */
public record DecisionTally(String decisionType, long executed, long asked, long ceo, long wrongAutonomous) {

    /** Every type of gated decision before {@code end}, by name. */
    public static List<DecisionTally> of(List<Observation> observations, Instant end) {
        var byType = new TreeMap<String, long[]>();
        for (Observation o : observations) {
            if (o instanceof Observation.Gated g && g.at().isBefore(end)) {
                long[] t = byType.computeIfAbsent(g.decisionType(), k -> new long[4]);
                t[g.route().ordinal()]++;
                if (g.route() == Observation.Route.EXECUTED && !g.correct()) {
                    t[3]++;
                }
            }
        }
        var tallies = new ArrayList<DecisionTally>();
        for (Map.Entry<String, long[]> e : byType.entrySet()) {
            long[] t = e.getValue();
            tallies.add(new DecisionTally(e.getKey(), t[0], t[1], t[2], t[3]));
        }
        return tallies;
    }

    public long gated() {
        return executed + asked + ceo;
    }
}

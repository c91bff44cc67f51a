package com.bigbox.app.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts observations into weeks since the start of a run: week 1 is days 1–7. */
public final class WeeklyFigures {
    private WeeklyFigures() {}

    /**
     * @param initial each agent's settings before the run's first change
     */
    public static List<WeekFigures> of(
            Instant start, int days, List<Observation> observations, Map<String, WeekFigures.AgentState> initial) {
        int weeks = (days + 6) / 7;
        var sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparing(Observation::at));
        var agents = new TreeMap<>(initial);
        var result = new ArrayList<WeekFigures>();
        int i = 0;
        for (int w = 0; w < weeks; w++) {
            Instant end = start.plus(Duration.ofDays(7L * (w + 1)));
            long executed = 0, asked = 0, ceo = 0, human = 0, overrides = 0, manual = 0, sopRuns = 0;
            WeekFigures.Effect effect = WeekFigures.Effect.NONE;
            BigDecimal cycle = BigDecimal.ZERO, cost = BigDecimal.ZERO;
            for (; i < sorted.size() && sorted.get(i).at().isBefore(end); i++) {
                switch (sorted.get(i)) {
                    case Observation.Gated g -> {
                        switch (g.route()) {
                            case EXECUTED -> executed++;
                            case HUMAN -> asked++;
                            case CEO -> ceo++;
                        }
                    }
                    case Observation.TookEffect t -> effect = effect.plus(t.verdict());
                    case Observation.HumanDecision h -> human++;
                    case Observation.Override o -> overrides++;
                    case Observation.ManualTask m -> manual++;
                    case Observation.SopCompleted s -> {
                        sopRuns++;
                        cycle = cycle.add(s.cycleTimeHours() == null ? BigDecimal.ZERO : s.cycleTimeHours());
                        cost = cost.add(s.cost() == null ? BigDecimal.ZERO : s.cost());
                    }
                    case Observation.AgentChanged a -> agents.put(a.agentId(), a.state());
                }
            }
            int length = Math.min(7, days - 7 * w);
            BigDecimal meanCycle =
                    sopRuns == 0 ? BigDecimal.ZERO : cycle.divide(BigDecimal.valueOf(sopRuns), 1, RoundingMode.HALF_UP);
            result.add(new WeekFigures(
                    w + 1,
                    length,
                    executed,
                    asked,
                    ceo,
                    effect,
                    human,
                    overrides,
                    manual,
                    sopRuns,
                    meanCycle,
                    cost.setScale(2, RoundingMode.HALF_UP),
                    Map.copyOf(agents)));
        }
        return result;
    }
}

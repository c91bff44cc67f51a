package com.bigbox.autonomic.chaos;

import java.util.List;

/** What "normal" means: probes whose values must lie within their tolerances, before and after the method. */
public record SteadyStateHypothesis(String title, List<Activity.Probe> probes) {
    public SteadyStateHypothesis {
        Experiment.require(title != null && !title.isBlank(), "steady-state-hypothesis.title", "is required");
        Experiment.require(
                probes != null && !probes.isEmpty(), "steady-state-hypothesis.probes", "must hold at least one probe");
        for (int i = 0; i < probes.size(); i++) {
            Experiment.require(
                    probes.get(i).tolerance() != null,
                    "steady-state-hypothesis.probes[" + i + "].tolerance",
                    "is required: a hypothesis probe says what is normal");
        }
        probes = List.copyOf(probes);
    }
}

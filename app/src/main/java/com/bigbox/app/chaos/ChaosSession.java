package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.Activity;
import com.bigbox.autonomic.chaos.Experiment;
import com.bigbox.autonomic.chaos.ExperimentRun;
import com.bigbox.autonomic.chaos.Provider;
import com.bigbox.autonomic.chaos.RollbackStrategy;
import com.bigbox.autonomic.chaos.RunRecord.ActivityResult;
import com.bigbox.autonomic.chaos.SteadyStateHypothesis;
import com.bigbox.autonomic.chaos.Tolerance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as the toolkit drives it ({@link ChaosSessions}): its record, its state, the calls made so far, and
 * when the last came.
 */
record ChaosSession(
        String name, ExperimentRun run, RunContext context, List<ActivityResult> calls, Instant[] lastCall) {
    // What chaos_experiments records of a session: the toolkit's file stays with the toolkit.
    static Experiment experiment(String name, String instanceName) {
        var probe = new Activity.Probe(
                "as the caller's experiment file declares",
                new Provider.Builtin("instances_ready", Map.of()),
                new Tolerance.Range(1, Integer.MAX_VALUE, null),
                null);
        var action = new Activity.Action(
                "the functions the caller calls", new Provider.Builtin("instances_ready", Map.of()), null, false);
        return new Experiment(
                "Chaos functions served by " + instanceName + " (session " + name + ")",
                "A run driven over HTTP by a runner in another process, such as the Chaos Toolkit; its calls are the actions.",
                "1.0.0",
                List.of("chaostoolkit"),
                ChaosSessions.TYPE,
                null,
                Map.of("served_by", instanceName),
                Map.of(),
                new SteadyStateHypothesis("as the caller's experiment file declares", List.of(probe)),
                List.of(action),
                List.of(),
                RollbackStrategy.NEVER);
    }

    void record(ActivityResult result) {
        synchronized (calls) {
            calls.add(result);
        }
    }

    List<ActivityResult> callsSoFar() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    Map<String, Object> describe(String instanceName) {
        var result = new LinkedHashMap<String, Object>();
        result.put("session", name);
        result.put("experiment_id", run.id().toString());
        result.put("run", context.runId);
        result.put("served_by", instanceName);
        return result;
    }
}

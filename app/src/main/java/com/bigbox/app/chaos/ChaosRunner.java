package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.Activity;
import com.bigbox.autonomic.chaos.ChaosExperiments;
import com.bigbox.autonomic.chaos.Experiment;
import com.bigbox.autonomic.chaos.ExperimentRun;
import com.bigbox.autonomic.chaos.InvalidExperimentException;
import com.bigbox.autonomic.chaos.Provider;
import com.bigbox.autonomic.chaos.ResilienceScore;
import com.bigbox.autonomic.chaos.ResilienceTrend;
import com.bigbox.autonomic.chaos.RollbackStrategy;
import com.bigbox.autonomic.chaos.RunRecord;
import com.bigbox.autonomic.chaos.RunRecord.ActivityResult;
import com.bigbox.autonomic.chaos.RunRecord.ProbeResult;
import com.bigbox.core.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment the way the Chaos Toolkit does: the steady-state hypothesis is checked first
 * (not met: the run is aborted and the method never runs), then the method's activities in order
 * (background ones alongside), then the hypothesis again, then the rollbacks as the strategy says.
 * The run is recorded when it starts and when it ends, with its score and the trend.
 */
final class ChaosRunner {
    private static final Logger log = LoggerFactory.getLogger(ChaosRunner.class);

    private final Cluster cluster;
    private final EventStore journalStore;
    private final ChaosExperiments experiments;
    private final Clock clock;

    ChaosRunner(Cluster cluster, EventStore journalStore, ChaosExperiments experiments, Clock clock) {
        this.cluster = cluster;
        this.journalStore = journalStore;
        this.experiments = experiments;
        this.clock = clock;
    }

    /** The verdict, the journal, and the score's trend. */
    record Outcome(ExperimentRun run, RunRecord record, ResilienceTrend trend) {
        boolean held() {
            return record.status() == RunRecord.Status.COMPLETED && !record.deviated();
        }
    }

    /** Every function named and every argument given must exist before anything runs. */
    static void validate(Experiment experiment) {
        var all = new ArrayList<Activity>(experiment.hypothesis().probes());
        all.addAll(experiment.method());
        all.addAll(experiment.rollbacks());
        for (Activity activity : all) {
            if (activity.provider() instanceof Provider.Builtin b) {
                try {
                    Builtins.validate(b.function(), b.arguments());
                } catch (InvalidExperimentException e) {
                    throw new InvalidExperimentException(
                            activity.name() + "." + e.field(),
                            e.getMessage().substring(e.field().length() + 1));
                }
                if (activity instanceof Activity.Probe && !Builtins.PROBES.contains(b.function())) {
                    throw new InvalidExperimentException(
                            activity.name() + ".provider.func",
                            "'" + b.function() + "' is an action; a probe calls one of "
                                    + new java.util.TreeSet<>(Builtins.PROBES));
                }
            }
        }
    }

    Outcome run(ExperimentFile file, RollbackStrategy override, String runBy) {
        Experiment experiment = file.experiment();
        validate(experiment);
        RollbackStrategy strategy = override != null ? override : experiment.rollbackStrategy();
        var run = new ExperimentRun(
                UUID.randomUUID(), experiment, file.sha256(), file.definition(), clock.instant(), strategy, runBy);
        journalStore.inTransaction(work -> {
            experiments.started(work, run);
            return null;
        });
        log.info("Chaos experiment '{}' ({}) started as {}", experiment.title(), experiment.type(), run.id());
        var context = new RunContext(cluster, run.id(), experiment);
        var pass = new Pass();
        try {
            hypothesisAndMethod(experiment, context, pass);
        } catch (RuntimeException e) {
            pass.aborted = true;
            pass.findings.add("the run was aborted: " + e.getMessage());
        } finally {
            if (strategy.rollsBack(pass.deviated, pass.aborted)) {
                for (Activity rollback : experiment.rollbacks()) {
                    pass.rollbacks.add(perform(rollback, context));
                }
            }
            context.stopHelpers();
        }
        RunRecord record = RunConclusion.conclude(
                context,
                pass.before,
                pass.after,
                pass.method,
                pass.rollbacks,
                pass.findings,
                pass.aborted,
                pass.deviated,
                pass.recovery,
                clock.instant());
        return finish(run, record);
    }

    /** What one pass through an experiment has found so far; the rollbacks run whatever happened. */
    private static final class Pass {
        List<ProbeResult> before = List.of();
        List<ProbeResult> after = List.of();
        final List<ActivityResult> method = new ArrayList<>();
        final List<ActivityResult> rollbacks = new ArrayList<>();
        final List<String> findings = new ArrayList<>();
        boolean aborted;
        boolean deviated;
        Integer recovery;
    }

    // The hypothesis; if it holds, the method, then the hypothesis again and how soon it held.
    private void hypothesisAndMethod(Experiment experiment, RunContext context, Pass pass) {
        pass.before = hypothesis(experiment, context);
        if (pass.before.stream().anyMatch(p -> !p.withinTolerance())) {
            pass.aborted = true;
            pass.findings.add("the steady state did not hold before the method, so the method did not run: "
                    + deviations(pass.before));
            return;
        }
        runMethod(experiment, context, pass.method);
        Instant methodEnded = clock.instant();
        pass.after = hypothesis(experiment, context);
        pass.deviated = pass.after.stream().anyMatch(p -> !p.withinTolerance());
        if (pass.method.stream().anyMatch(a -> a.failed() && a.type().equals("action"))) {
            // The fault was not (fully) injected: whatever the hypothesis says, it says nothing about it.
            pass.aborted = true;
            pass.findings.add("the method could not do what it declares, so the run proves nothing and is aborted");
        } else if (pass.deviated) {
            pass.findings.add("the steady state deviated after the method: " + deviations(pass.after));
        } else {
            pass.recovery = (int)
                    Math.ceil(Duration.between(methodEnded, clock.instant()).toMillis() / 1000.0);
            pass.findings.add("the steady state held after the method; it was back within " + pass.recovery + " s");
        }
    }

    // Records the run's end, and says how it went.
    private Outcome finish(ExperimentRun run, RunRecord record) {
        var score = record.score();
        ResilienceTrend trend = journalStore.inTransaction(work -> experiments.finished(work, run, record));
        boolean aborted = record.status() == RunRecord.Status.ABORTED;
        if (!aborted && score.alert()) {
            log.warn(
                    "Chaos experiment '{}' scored {} (below {}): resilience alert",
                    run.experiment().title(),
                    score.value(),
                    ResilienceScore.ALERT_BELOW);
        }
        log.info(
                "Chaos experiment {} {}: degradation {}, score {}",
                run.id(),
                aborted ? "aborted" : record.deviated() ? "deviated" : "held",
                record.degradation().rounded(),
                score.value());
        return new Outcome(run, record, trend);
    }

    private List<ProbeResult> hypothesis(Experiment experiment, RunContext context) {
        var results = new ArrayList<ProbeResult>();
        for (Activity.Probe probe : experiment.hypothesis().probes()) {
            pause(probe.pauses().before());
            try {
                Object value = ProviderCalls.invoke(probe.provider(), experiment, context);
                results.add(new ProbeResult(
                        probe.name(),
                        value,
                        probe.tolerance().describe(),
                        probe.tolerance().accepts(value),
                        null));
            } catch (Exception e) {
                results.add(
                        new ProbeResult(probe.name(), null, probe.tolerance().describe(), false, message(e)));
            }
            pause(probe.pauses().after());
        }
        return results;
    }

    private void runMethod(Experiment experiment, RunContext context, List<ActivityResult> results) {
        var background = new ArrayList<CompletableFuture<ActivityResult>>();
        for (Activity activity : experiment.method()) {
            if (activity instanceof Activity.Action action && action.background()) {
                background.add(CompletableFuture.supplyAsync(() -> perform(activity, context)));
            } else {
                results.add(perform(activity, context));
            }
        }
        background.forEach(f -> results.add(f.join()));
    }

    private ActivityResult perform(Activity activity, RunContext context) {
        pause(activity.pauses().before());
        Instant start = clock.instant();
        ActivityResult result;
        try {
            Object output = ProviderCalls.invoke(activity.provider(), context.experiment, context);
            result = new ActivityResult(
                    activity.name(),
                    activity instanceof Activity.Probe ? "probe" : "action",
                    start,
                    clock.instant(),
                    output,
                    null);
        } catch (Exception e) {
            result = new ActivityResult(
                    activity.name(),
                    activity instanceof Activity.Probe ? "probe" : "action",
                    start,
                    clock.instant(),
                    null,
                    message(e));
            log.warn("Chaos activity {} failed: {}", activity.name(), message(e));
        }
        pause(activity.pauses().after());
        return result;
    }

    private static String deviations(List<ProbeResult> probes) {
        return String.join(
                "; ",
                probes.stream()
                        .filter(p -> !p.withinTolerance())
                        .map(p -> p.name()
                                + (p.error() != null
                                        ? " failed (" + p.error() + ")"
                                        : " was " + p.value() + ", tolerance " + p.tolerance()))
                        .toList());
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

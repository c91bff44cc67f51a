package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.Activity;
import com.bigbox.autonomic.chaos.ChaosExperiments;
import com.bigbox.autonomic.chaos.Degradation;
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
import com.bigbox.postgres.EventStoreException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

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
        var findings = new ArrayList<String>();
        List<ProbeResult> before = List.of();
        List<ProbeResult> after = List.of();
        var method = new ArrayList<ActivityResult>();
        var rollbacks = new ArrayList<ActivityResult>();
        boolean aborted = false;
        boolean deviated = false;
        Integer recovery = null;
        try {
            before = hypothesis(experiment, context);
            if (before.stream().anyMatch(p -> !p.withinTolerance())) {
                aborted = true;
                findings.add("the steady state did not hold before the method, so the method did not run: "
                        + deviations(before));
            } else {
                runMethod(experiment, context, method);
                Instant methodEnded = clock.instant();
                after = hypothesis(experiment, context);
                deviated = after.stream().anyMatch(p -> !p.withinTolerance());
                if (method.stream().anyMatch(a -> a.failed() && a.type().equals("action"))) {
                    // The fault was not (fully) injected: whatever the hypothesis says, it says nothing about it.
                    aborted = true;
                    findings.add("the method could not do what it declares, so the run proves nothing and is aborted");
                } else if (deviated) {
                    findings.add("the steady state deviated after the method: " + deviations(after));
                } else {
                    recovery = (int) Math.ceil(
                            Duration.between(methodEnded, clock.instant()).toMillis() / 1000.0);
                    findings.add("the steady state held after the method; it was back within " + recovery + " s");
                }
            }
        } catch (RuntimeException e) {
            aborted = true;
            findings.add("the run was aborted: " + e.getMessage());
        } finally {
            if (strategy.rollsBack(deviated, aborted)) {
                for (Activity rollback : experiment.rollbacks()) {
                    rollbacks.add(perform(rollback, context));
                }
            }
            context.stopHelpers();
        }
        RunRecord record = conclude(
                context, before, after, method, rollbacks, findings, aborted, deviated, recovery, clock.instant());
        var score = record.score();
        var degradation = record.degradation();
        ResilienceTrend trend = journalStore.inTransaction(work -> experiments.finished(work, run, record));
        if (record.status() == RunRecord.Status.COMPLETED && score.alert()) {
            log.warn(
                    "Chaos experiment '{}' scored {} (below {}): resilience alert",
                    experiment.title(),
                    score.value(),
                    ResilienceScore.ALERT_BELOW);
        }
        log.info(
                "Chaos experiment {} {}: degradation {}, score {}",
                run.id(),
                aborted ? "aborted" : deviated ? "deviated" : "held",
                degradation.rounded(),
                score.value());
        return new Outcome(run, record, trend);
    }

    /**
     * What a run found, from its results and what its context observed (workload, leads, total check,
     * fault hits): the findings, degradation and score. The engine's chaos sessions, which serve the
     * same functions to the Chaos Toolkit, conclude their runs with it too.
     */
    static RunRecord conclude(
            RunContext context,
            List<ProbeResult> before,
            List<ProbeResult> after,
            List<ActivityResult> method,
            List<ActivityResult> rollbacks,
            List<String> findings,
            boolean aborted,
            boolean deviated,
            Integer recovery,
            Instant endedAt) {
        method.stream()
                .filter(ActivityResult::failed)
                .forEach(a -> findings.add("activity " + a.name() + " failed: " + a.error()));
        rollbacks.stream()
                .filter(ActivityResult::failed)
                .forEach(a -> findings.add("rollback " + a.name() + " failed: " + a.error()));
        Workload.Summary workload = context.workloadSummary;
        if (workload != null) {
            findings.add(String.format(
                    java.util.Locale.ROOT,
                    "workload: %,d appends attempted, %,d acknowledged, %,d failed, %,d unknown",
                    workload.attempted(),
                    workload.acknowledged(),
                    workload.failed(),
                    workload.unknown()));
        }
        LeadWorkload.Summary leads = context.leadsSummary;
        if (leads != null) {
            findings.add(String.format(
                    java.util.Locale.ROOT,
                    "leads: %,d sent through the intake API, %,d refused or lost on the way, " + "%,d payments",
                    leads.leads(),
                    leads.failed(),
                    leads.payments()));
        }
        if (context.lastTotalCheck instanceof Map<?, ?> check) {
            findings.add("total check: lost " + check.get("lost") + ", duplicated " + check.get("duplicated")
                    + ", unexpected "
                    + check.get("unexpected") + " across " + ((Map<?, ?>) check.get("readers")).keySet()
                    + (((List<?>) check.get("unreachable")).isEmpty()
                            ? ""
                            : "; unreachable " + check.get("unreachable")));
        }
        long hits = faultHits(context);
        long attempts = workload == null ? 0 : workload.attempted();
        long failed = workload == null ? 0 : workload.failed() + workload.unknown();
        var degradation = new Degradation(
                after.size(),
                (int) after.stream().filter(p -> !p.withinTolerance()).count(),
                attempts,
                failed,
                workload == null ? 0 : workload.acknowledged(),
                context.anomalies);
        var score = ResilienceScore.of(degradation);
        return new RunRecord(
                aborted ? RunRecord.Status.ABORTED : RunRecord.Status.COMPLETED,
                deviated,
                before,
                after,
                method,
                rollbacks,
                findings,
                degradation,
                score,
                recovery,
                hits + failed,
                endedAt);
    }

    private List<ProbeResult> hypothesis(Experiment experiment, RunContext context) {
        var results = new ArrayList<ProbeResult>();
        for (Activity.Probe probe : experiment.hypothesis().probes()) {
            pause(probe.pauses().before());
            try {
                Object value = invoke(probe.provider(), experiment, context);
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
            Object output = invoke(activity.provider(), context.experiment, context);
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

    private Object invoke(Provider provider, Experiment experiment, RunContext context) throws Exception {
        return switch (provider) {
            case Provider.Builtin b ->
                Builtins.call(b.function(), substitute(b.arguments(), experiment.configuration()), context);
            case Provider.Http h -> http(h, context);
        };
    }

    // A relative URL asks every instance; the value is the worst status and each instance's.
    private Object http(Provider.Http h, RunContext context) throws Exception {
        List<String> urls = h.url().startsWith("/")
                ? context.cluster.instances().stream()
                        .map(i -> i.url() + h.url())
                        .toList()
                : List.of(h.url());
        if (urls.isEmpty()) {
            throw new IllegalStateException("no instance is running to ask " + h.url());
        }
        int worst = 0;
        var statuses = new LinkedHashMap<String, Object>();
        String body = null;
        for (String url : urls) {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(h.timeout())
                    .method(
                            h.method(),
                            h.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(h.body()));
            h.headers().forEach(request::header);
            int status;
            try {
                var response = context.cluster.send(request.build());
                status = response.statusCode();
                body = body == null ? response.body() : body;
            } catch (java.io.IOException e) {
                status = 599;
            }
            statuses.put(url, status);
            worst = Math.max(worst, status);
        }
        return Builtins.ordered("status", worst, "statuses", statuses, "body", body);
    }

    private static Map<String, Object> substitute(Map<String, Object> arguments, Map<String, Object> configuration) {
        var result = new LinkedHashMap<String, Object>();
        arguments.forEach((name, value) -> result.put(name, substitute(value, configuration)));
        return result;
    }

    private static Object substitute(Object value, Map<String, Object> configuration) {
        if (!(value instanceof String text)) {
            return value;
        }
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            return lookup(whole.group(1), configuration);
        }
        return REFERENCE
                .matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(String.valueOf(lookup(m.group(1), configuration))));
    }

    private static Object lookup(String name, Map<String, Object> configuration) {
        if (!configuration.containsKey(name)) {
            throw new InvalidExperimentException(
                    "configuration." + name, "is referred to as ${" + name + "} but not defined");
        }
        return configuration.get(name);
    }

    private static long faultHits(RunContext context) {
        try {
            return context.cluster.control().faultHits(context.experimentId);
        } catch (EventStoreException e) {
            return 0;
        }
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

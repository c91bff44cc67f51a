package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.Fault;
import com.bigbox.autonomic.chaos.FaultKind;
import com.bigbox.autonomic.chaos.Intensity;
import com.bigbox.autonomic.chaos.InvalidExperimentException;
import com.bigbox.autonomic.chaos.TotalCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The engine's chaos functions ({@code provider: {type: bigbox, func: ...}}). Probes observe the
 * cluster; actions inject a fault, each bounded in time so it ends by itself.
 */
final class Builtins {
    static final Set<String> PROBES = Set.of("instances_ready", "total_check", "subscriptions_caught_up", "approvals_overdue",
            "fault_hits");
    static final Set<String> ACTIONS = Set.of("start_workload", "stop_workload", "terminate_connections", "suppress_notifications",
            "crash_instance", "lock_table", "slow_writes", "remove_slow_writes", "restart_database", "inject_fault", "clear_faults");

    private Builtins() {}

    static boolean exists(String function) {
        return PROBES.contains(function) || ACTIONS.contains(function);
    }

    /** Checks a function's name and arguments before anything runs. */
    static void validate(String function, Map<String, Object> arguments) {
        if (!exists(function)) {
            throw new InvalidExperimentException("provider.func", "'" + function + "' is not a chaos function; there are "
                    + new java.util.TreeSet<>(union()));
        }
        var args = new Arguments(function, arguments);
        args.allow(ALLOWED.get(function));
    }

    private static Set<String> union() {
        var all = new HashSet<>(PROBES);
        all.addAll(ACTIONS);
        return all;
    }

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("instances_ready", Set.of()),
            Map.entry("total_check", Set.of("drain_seconds")),
            Map.entry("subscriptions_caught_up", Set.of("within_seconds")),
            Map.entry("approvals_overdue", Set.of("grace_seconds")),
            Map.entry("fault_hits", Set.of()),
            Map.entry("start_workload", Set.of("writers", "rate_per_second")),
            Map.entry("stop_workload", Set.of()),
            Map.entry("terminate_connections", Set.of()),
            Map.entry("suppress_notifications", Set.of("seconds", "instance")),
            Map.entry("crash_instance", Set.of("instance")),
            Map.entry("lock_table", Set.of("table", "seconds")),
            Map.entry("slow_writes", Set.of("delay_ms", "seconds")),
            Map.entry("remove_slow_writes", Set.of()),
            Map.entry("restart_database", Set.of()),
            Map.entry("inject_fault", Set.of("kind", "intensity", "subscription", "event_types", "role", "seconds", "delay_ms",
                    "confidence_drop")),
            Map.entry("clear_faults", Set.of()));

    static Object call(String function, Map<String, Object> arguments, RunContext run) throws Exception {
        var args = new Arguments(function, arguments);
        return switch (function) {
            case "instances_ready" -> instancesReady(run);
            case "total_check" -> totalCheck(run, Duration.ofMillis((long) (1000 * args.number("drain_seconds", 30, 0, 600))));
            case "subscriptions_caught_up" -> caughtUp(run, Duration.ofMillis((long) (1000 * args.number("within_seconds", 30, 0, 600))));
            case "approvals_overdue" -> run.cluster.probes().approvalsOverdue(Duration.ofSeconds(args.whole("grace_seconds", 60, 0, 86_400)));
            case "fault_hits" -> run.cluster.control().faultHits(run.experimentId);
            case "start_workload" -> startWorkload(run, args.whole("writers", 4, 1, 64), args.number("rate_per_second", 100, 1, 5_000));
            case "stop_workload" -> stopWorkload(run);
            case "terminate_connections" -> Map.of("terminated", run.cluster.control().terminateEngineSessions());
            case "suppress_notifications" -> suppress(run, args.whole("seconds", 10, 1, 600), args.text("instance", "all"));
            case "crash_instance" -> crash(run, args.text("instance", "any"));
            case "lock_table" -> lockTable(run, args.text("table", "events"), Duration.ofMillis((long) (1000 * args.number("seconds", 3, 0.1, 60))));
            case "slow_writes" -> slowWrites(run, args.whole("delay_ms", 200, 1, 60_000),
                    Duration.ofMillis((long) (1000 * args.number("seconds", 5, 0.1, 600))));
            case "remove_slow_writes" -> removeSlowWrites(run);
            case "restart_database" -> restartDatabase(run);
            case "inject_fault" -> injectFault(run, args);
            case "clear_faults" -> Map.of("ended", run.cluster.control().endFaults(run.experimentId));
            default -> throw new InvalidExperimentException("provider.func", "'" + function + "' is not a chaos function");
        };
    }

    private static long instancesReady(RunContext run) throws Exception {
        return run.cluster.instances().stream().filter(run.cluster::ready).count();
    }

    private static Map<String, Object> startWorkload(RunContext run, int writers, double rate) throws Exception {
        if (run.workload != null) {
            throw new IllegalStateException("the workload runs already");
        }
        run.workload = new Workload(run.cluster, run.runId, run.cluster.instances());
        run.workload.start(writers, rate);
        return Map.of("run", run.runId, "writers", writers, "rate_per_second", rate);
    }

    private static Map<String, Object> stopWorkload(RunContext run) {
        if (run.workload == null) {
            return Map.of("running", false);
        }
        run.workloadSummary = run.workload.stop();
        var s = run.workloadSummary;
        return ordered("attempted", s.attempted(), "acknowledged", s.acknowledged(), "failed", s.failed(), "unknown", s.unknown());
    }

    // Waits until every reader has every event it must have (or the drain time is up), then counts.
    private static Map<String, Object> totalCheck(RunContext run, Duration drain) throws Exception {
        Set<UUID> attempted = run.workload == null ? Set.of() : run.workload.attempted();
        Set<UUID> acknowledged = run.workload == null ? Set.of() : run.workload.acknowledged();
        long start = System.nanoTime();
        long deadline = start + drain.toNanos();
        TotalCheck check;
        List<String> unreachable;
        while (true) {
            Set<UUID> stored = run.cluster.deliveries().stored(run.runId);
            var readers = new LinkedHashMap<String, Map<UUID, Long>>();
            unreachable = new java.util.ArrayList<>();
            for (Cluster.Instance instance : run.cluster.instances()) {
                try {
                    readers.put("feed:" + instance.name(), delivered(run, instance));
                } catch (java.io.IOException e) {
                    unreachable.add(instance.name());
                }
            }
            readers.put("subscription:" + com.bigbox.autonomic.chaos.ProbeWorkload.SUBSCRIPTION, run.cluster.deliveries().delivered(run.runId));
            check = TotalCheck.of(attempted, acknowledged, stored, readers);
            if (check.lost() == 0 || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(250);
        }
        // An instance that does not answer cannot show it delivered anything: unless this run crashed
        // it, that is an anomaly too.
        long silent = unreachable.stream().filter(name -> !run.crashed.contains(name)).count();
        run.anomalies = check.anomalies() + silent;
        var readers = new LinkedHashMap<String, Object>();
        check.readers().forEach((name, r) -> readers.put(name, ordered("delivered", r.delivered(), "lost", r.lost(),
                "duplicated", r.duplicated(), "unexpected", r.unexpected())));
        Map<String, Object> result = ordered("attempted", check.attempted(), "acknowledged", check.acknowledged(), "stored", check.stored(),
                "lost", check.lost(), "duplicated", check.duplicated(), "unexpected", check.unexpected(), "anomalies", run.anomalies,
                "lost_from_store", check.lostFromStore(), "readers", readers, "unreachable", unreachable, "silent_instances", silent,
                "drained_in_seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        run.lastTotalCheck = result;
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, Long> delivered(RunContext run, Cluster.Instance instance) throws Exception {
        Map<String, Object> body = Cluster.JSON.readValue(
                run.cluster.admin(instance, "GET", "/admin/v1/chaos/deliveries/" + run.runId, null).body(), Map.class);
        var counts = new java.util.HashMap<UUID, Long>();
        ((Map<String, Object>) body.get("delivered")).forEach((id, n) -> counts.put(UUID.fromString(id), ((Number) n).longValue()));
        return counts;
    }

    private static Map<String, Object> caughtUp(RunContext run, Duration within) throws Exception {
        long start = System.nanoTime();
        Map<String, Long> lag;
        while (true) {
            lag = run.cluster.probes().subscriptionLag();
            boolean caughtUp = lag.values().stream().allMatch(n -> n == 0);
            if (caughtUp || System.nanoTime() - start > within.toNanos()) {
                var lagging = new LinkedHashMap<String, Object>();
                lag.forEach((name, n) -> {
                    if (n > 0) {
                        lagging.put(name, n);
                    }
                });
                return ordered("caught_up", caughtUp, "subscriptions", lag.size(), "lagging", lagging,
                        "seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
            }
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> suppress(RunContext run, int seconds, String which) throws Exception {
        var suppressed = new java.util.ArrayList<String>();
        for (Cluster.Instance instance : run.cluster.instances()) {
            if (which.equals("all") || which.equals(instance.name())) {
                run.cluster.admin(instance, "POST", "/admin/v1/chaos/notifications/suppress", "{\"seconds\":" + seconds + "}");
                suppressed.add(instance.name());
            }
        }
        if (suppressed.isEmpty()) {
            throw new IllegalStateException("no instance named '" + which + "' is running");
        }
        return Map.of("suppressed", suppressed, "seconds", seconds);
    }

    private static Map<String, Object> crash(RunContext run, String which) throws Exception {
        List<Cluster.Instance> instances = run.cluster.instances();
        if (instances.size() < 2 && which.equals("any")) {
            throw new IllegalStateException("crash_instance needs at least two instances, so that one survives; found " + instances.size());
        }
        Cluster.Instance victim = which.equals("any") ? instances.getLast()
                : instances.stream().filter(i -> i.name().equals(which)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no instance named '" + which + "' is running"));
        run.crashed.add(victim.name());
        run.cluster.admin(victim, "POST", "/admin/v1/chaos/crash", null);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (run.cluster.ready(victim) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return Map.of("crashed", victim.name(), "down", !run.cluster.ready(victim));
    }

    private static Map<String, Object> lockTable(RunContext run, String table, Duration window) throws Exception {
        run.holders.add(run.cluster.control().lockTable(table, window));
        return Map.of("locked", table, "until", Instant.now().plus(window).toString());
    }

    private static Map<String, Object> slowWrites(RunContext run, int delayMillis, Duration window) throws Exception {
        run.cluster.control().slowWrites(run.experimentId, Duration.ofMillis(delayMillis), window);
        run.slowWritesInstalled = true;
        return Map.of("delay_ms", delayMillis, "until", Instant.now().plus(window).toString());
    }

    private static Map<String, Object> removeSlowWrites(RunContext run) throws Exception {
        run.cluster.control().removeSlowWrites();
        run.slowWritesInstalled = false;
        return Map.of("removed", true);
    }

    private static Map<String, Object> restartDatabase(RunContext run) throws Exception {
        Cluster.Instance host = run.cluster.instances().stream().filter(Cluster.Instance::embeddedDatabase).findFirst()
                .orElseThrow(() -> new IllegalStateException("no running instance hosts the embedded database"));
        Map<?, ?> answer = Cluster.JSON.readValue(run.cluster.admin(host, "POST", "/admin/v1/chaos/database/restart", null).body(), Map.class);
        return Map.of("instance", host.name(), "restarted_in_ms", answer.get("restarted_in_ms"));
    }

    private static Map<String, Object> injectFault(RunContext run, Arguments args) throws Exception {
        String kindName = args.text("kind", null);
        if (kindName == null) {
            throw new InvalidExperimentException("inject_fault.arguments.kind", "is required");
        }
        FaultKind kind = FaultKind.parse(kindName);
        Intensity intensity = args.text("intensity", null) == null ? run.experiment.intensity() : Intensity.parse(args.text("intensity", null));
        Instant now = Instant.now();
        var fault = new Fault(UUID.randomUUID(), run.experimentId, kind, intensity, args.text("subscription", null),
                Set.copyOf(args.texts("event_types")), args.text("role", null),
                args.values().containsKey("delay_ms") ? Duration.ofMillis(args.whole("delay_ms", 0, 1, 60_000)) : null,
                args.number("confidence_drop", 0, 0, 1), now, now.plus(Duration.ofMillis((long) (1000 * args.number("seconds", 10, 0.1, 3600)))));
        run.cluster.control().inject(fault);
        return ordered("fault_id", fault.id().toString(), "kind", kind.label(), "intensity", intensity.label(),
                "share", intensity.fraction(), "ends_at", fault.endsAt().toString());
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.Fault;
import com.bigbox.autonomic.chaos.FaultKind;
import com.bigbox.autonomic.chaos.Intensity;
import com.bigbox.autonomic.chaos.InvalidExperimentException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The actions that inject a fault: into the database (sessions ended, a table locked, writes slowed, a restart),
 * into the instances (notifications suppressed, one crashed), or into the agents' handling (the faults that
 * {@code chaos_faults} declares for the whole cluster). Each ends by itself at the end of its window.
 */
final class FaultActions {
    private FaultActions() {}

    static Object call(String function, Arguments args, RunContext run) throws Exception {
        return switch (function) {
            case "terminate_connections" ->
                Map.of("terminated", run.cluster.control().terminateEngineSessions());
            case "suppress_notifications" ->
                suppress(run, args.whole("seconds", 10, 1, 600), args.text("instance", "all"));
            case "crash_instance" -> crash(run, args.text("instance", "any"));
            case "lock_table" -> lockTable(run, args.text("table", "events"), args.seconds("seconds", 3, 0.1, 60));
            case "slow_writes" ->
                slowWrites(run, args.whole("delay_ms", 200, 1, 60_000), args.seconds("seconds", 5, 0.1, 600));
            case "remove_slow_writes" -> removeSlowWrites(run);
            case "restart_database" -> restartDatabase(run);
            case "inject_fault" -> injectFault(run, args);
            case "clear_faults" -> Map.of("ended", run.cluster.control().endFaults(run.experimentId));
            case "await_faults_end" -> awaitFaultsEnd(run, args.seconds("extra_seconds", 0, 0, 86_400));
            default ->
                throw new InvalidExperimentException("provider.func", "'" + function + "' is not a chaos function");
        };
    }

    private static Map<String, Object> suppress(RunContext run, int seconds, String which) throws Exception {
        var suppressed = new java.util.ArrayList<String>();
        for (Cluster.Instance instance : run.cluster.instances()) {
            if (which.equals("all") || which.equals(instance.name())) {
                run.cluster.admin(
                        instance, "POST", "/admin/v1/chaos/notifications/suppress", "{\"seconds\":" + seconds + "}");
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
            throw new IllegalStateException(
                    "crash_instance needs at least two instances, so that one survives; found " + instances.size());
        }
        // "any": the last of them, but never the instance that serves the run's calls (its runner would lose it).
        List<Cluster.Instance> candidates =
                instances.stream().filter(i -> !i.name().equals(run.servedBy)).toList();
        if (which.equals(run.servedBy)) {
            throw new IllegalStateException("instance '" + which + "' serves this run's calls; crash another one");
        }
        Cluster.Instance victim = which.equals("any")
                ? candidates.getLast()
                : instances.stream()
                        .filter(i -> i.name().equals(which))
                        .findFirst()
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
        return Map.of(
                "delay_ms", delayMillis, "until", Instant.now().plus(window).toString());
    }

    private static Map<String, Object> removeSlowWrites(RunContext run) throws Exception {
        run.cluster.control().removeSlowWrites();
        run.slowWritesInstalled = false;
        return Map.of("removed", true);
    }

    private static Map<String, Object> restartDatabase(RunContext run) throws Exception {
        Cluster.Instance host = run.cluster.instances().stream()
                .filter(Cluster.Instance::embeddedDatabase)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no running instance hosts the embedded database"));
        Map<?, ?> answer = Cluster.JSON.readValue(
                run.cluster
                        .admin(host, "POST", "/admin/v1/chaos/database/restart", null)
                        .body(),
                Map.class);
        return Map.of("instance", host.name(), "restarted_in_ms", answer.get("restarted_in_ms"));
    }

    private static Map<String, Object> injectFault(RunContext run, Arguments args) throws Exception {
        String kindName = args.text("kind", null);
        if (kindName == null) {
            throw new InvalidExperimentException("inject_fault.arguments.kind", "is required");
        }
        FaultKind kind = FaultKind.parse(kindName);
        Intensity intensity = args.text("intensity", null) == null
                ? run.experiment.intensity()
                : Intensity.parse(args.text("intensity", null));
        Instant now = Instant.now();
        var fault = new Fault(
                UUID.randomUUID(),
                run.experimentId,
                kind,
                intensity,
                args.text("subscription", null),
                Set.copyOf(args.texts("event_types")),
                args.text("role", null),
                args.values().containsKey("delay_ms") ? Duration.ofMillis(args.whole("delay_ms", 0, 1, 60_000)) : null,
                args.number("confidence_drop", 0, 0, 1),
                now,
                now.plus(Duration.ofMillis((long) (1000 * args.number("seconds", 10, 0.1, 3600)))));
        run.cluster.control().inject(fault);
        return Builtins.ordered(
                "fault_id",
                fault.id().toString(),
                "kind",
                kind.label(),
                "intensity",
                intensity.label(),
                "share",
                intensity.fraction(),
                "ends_at",
                fault.endsAt().toString());
    }

    private static Map<String, Object> awaitFaultsEnd(RunContext run, Duration extra) throws Exception {
        java.util.Optional<Instant> end = run.cluster.control().faultsEndAt(run.experimentId);
        if (end.isEmpty()) {
            throw new IllegalStateException("await_faults_end: this run injected no fault");
        }
        Instant until = end.get().plus(extra);
        Duration wait = Duration.between(Instant.now(), until);
        if (wait.isPositive()) {
            Thread.sleep(wait);
        }
        return Builtins.ordered("faults_ended_at", end.get().toString(), "waited_until", until.toString());
    }
}

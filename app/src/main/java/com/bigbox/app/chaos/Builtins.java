package com.bigbox.app.chaos;

import com.bigbox.autonomic.approvals.ActionClasses;
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
    static final Set<String> PROBES = Set.of(
            "instances_ready",
            "total_check",
            "subscriptions_caught_up",
            "approvals_overdue",
            "fault_hits",
            "lead_flows",
            "protected_untouched",
            "absent_role_approvals");
    static final Set<String> ACTIONS = Set.of(
            "start_workload",
            "stop_workload",
            "terminate_connections",
            "suppress_notifications",
            "crash_instance",
            "lock_table",
            "slow_writes",
            "remove_slow_writes",
            "restart_database",
            "inject_fault",
            "clear_faults",
            "start_leads",
            "stop_leads",
            "decide_approvals",
            "await_faults_end");

    private Builtins() {}

    static boolean exists(String function) {
        return PROBES.contains(function) || ACTIONS.contains(function);
    }

    /** Checks a function's name and arguments before anything runs. */
    static void validate(String function, Map<String, Object> arguments) {
        if (!exists(function)) {
            throw new InvalidExperimentException(
                    "provider.func",
                    "'" + function + "' is not a chaos function; there are " + new java.util.TreeSet<>(union()));
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
            Map.entry(
                    "inject_fault",
                    Set.of(
                            "kind",
                            "intensity",
                            "subscription",
                            "event_types",
                            "role",
                            "seconds",
                            "delay_ms",
                            "confidence_drop")),
            Map.entry("clear_faults", Set.of()),
            Map.entry("lead_flows", Set.of("within_seconds")),
            Map.entry("protected_untouched", Set.of()),
            Map.entry("absent_role_approvals", Set.of("role", "grace_seconds")),
            Map.entry("start_leads", Set.of("leads_per_second", "thin_only", "payment_every")),
            Map.entry("stop_leads", Set.of()),
            Map.entry("decide_approvals", Set.of("role", "decision", "decided_by", "notes")),
            Map.entry("await_faults_end", Set.of("extra_seconds")));

    static Object call(String function, Map<String, Object> arguments, RunContext run) throws Exception {
        var args = new Arguments(function, arguments);
        return switch (function) {
            case "instances_ready" -> instancesReady(run);
            case "total_check" ->
                totalCheck(run, Duration.ofMillis((long) (1000 * args.number("drain_seconds", 30, 0, 600))));
            case "subscriptions_caught_up" ->
                caughtUp(run, Duration.ofMillis((long) (1000 * args.number("within_seconds", 30, 0, 600))));
            case "approvals_overdue" ->
                run.cluster.probes().approvalsOverdue(Duration.ofSeconds(args.whole("grace_seconds", 60, 0, 86_400)));
            case "fault_hits" -> run.cluster.control().faultHits(run.experimentId);
            case "start_workload" ->
                startWorkload(run, args.whole("writers", 4, 1, 64), args.number("rate_per_second", 100, 1, 5_000));
            case "stop_workload" -> stopWorkload(run);
            case "terminate_connections" ->
                Map.of("terminated", run.cluster.control().terminateEngineSessions());
            case "suppress_notifications" ->
                suppress(run, args.whole("seconds", 10, 1, 600), args.text("instance", "all"));
            case "crash_instance" -> crash(run, args.text("instance", "any"));
            case "lock_table" ->
                lockTable(run, args.text("table", "events"), Duration.ofMillis((long)
                        (1000 * args.number("seconds", 3, 0.1, 60))));
            case "slow_writes" ->
                slowWrites(run, args.whole("delay_ms", 200, 1, 60_000), Duration.ofMillis((long)
                        (1000 * args.number("seconds", 5, 0.1, 600))));
            case "remove_slow_writes" -> removeSlowWrites(run);
            case "restart_database" -> restartDatabase(run);
            case "inject_fault" -> injectFault(run, args);
            case "clear_faults" -> Map.of("ended", run.cluster.control().endFaults(run.experimentId));
            case "lead_flows" ->
                leadFlows(run, Duration.ofMillis((long) (1000 * args.number("within_seconds", 30, 0, 600))));
            case "protected_untouched" ->
                run.cluster
                        .agents()
                        .protectedUntouched(run.experimentId, run.leads == null ? Set.of() : run.leads.payments());
            case "absent_role_approvals" ->
                run.cluster
                        .agents()
                        .absentRoleApprovals(
                                run.experimentId,
                                ActionClasses.checkRole(
                                        "absent_role_approvals.arguments.role", args.text("role", "employee")),
                                flows(run),
                                Duration.ofSeconds(args.whole("grace_seconds", 60, 0, 86_400)));
            case "start_leads" ->
                startLeads(
                        run,
                        args.number("leads_per_second", 2, 0.1, 50),
                        Boolean.parseBoolean(args.text("thin_only", "false")),
                        args.whole("payment_every", 4, 0, 1_000));
            case "stop_leads" -> stopLeads(run);
            case "decide_approvals" ->
                decideApprovals(
                        run,
                        ActionClasses.checkRole("decide_approvals.arguments.role", args.text("role", "employee")),
                        decision(args.text("decision", "approve")),
                        args.text("decided_by", "chaos-operator"),
                        args.text("notes", null));
            case "await_faults_end" ->
                awaitFaultsEnd(run, Duration.ofMillis((long) (1000 * args.number("extra_seconds", 0, 0, 86_400))));
            default ->
                throw new InvalidExperimentException("provider.func", "'" + function + "' is not a chaos function");
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
        return ordered(
                "attempted",
                s.attempted(),
                "acknowledged",
                s.acknowledged(),
                "failed",
                s.failed(),
                "unknown",
                s.unknown());
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
            readers.put(
                    "subscription:" + com.bigbox.autonomic.chaos.ProbeWorkload.SUBSCRIPTION,
                    run.cluster.deliveries().delivered(run.runId));
            check = TotalCheck.of(attempted, acknowledged, stored, readers);
            if (check.lost() == 0 || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(250);
        }
        // An instance that does not answer cannot show it delivered anything: unless this run crashed
        // it, that is an anomaly too.
        long silent =
                unreachable.stream().filter(name -> !run.crashed.contains(name)).count();
        run.anomalies = check.anomalies() + silent;
        var readers = new LinkedHashMap<String, Object>();
        check.readers()
                .forEach((name, r) -> readers.put(
                        name,
                        ordered(
                                "delivered",
                                r.delivered(),
                                "lost",
                                r.lost(),
                                "duplicated",
                                r.duplicated(),
                                "unexpected",
                                r.unexpected())));
        Map<String, Object> result = ordered(
                "attempted",
                check.attempted(),
                "acknowledged",
                check.acknowledged(),
                "stored",
                check.stored(),
                "lost",
                check.lost(),
                "duplicated",
                check.duplicated(),
                "unexpected",
                check.unexpected(),
                "anomalies",
                run.anomalies,
                "lost_from_store",
                check.lostFromStore(),
                "readers",
                readers,
                "unreachable",
                unreachable,
                "silent_instances",
                silent,
                "drained_in_seconds",
                Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        run.lastTotalCheck = result;
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, Long> delivered(RunContext run, Cluster.Instance instance) throws Exception {
        Map<String, Object> body = Cluster.JSON.readValue(
                run.cluster
                        .admin(instance, "GET", "/admin/v1/chaos/deliveries/" + run.runId, null)
                        .body(),
                Map.class);
        var counts = new java.util.HashMap<UUID, Long>();
        ((Map<String, Object>) body.get("delivered"))
                .forEach((id, n) -> counts.put(UUID.fromString(id), ((Number) n).longValue()));
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
                return ordered(
                        "caught_up",
                        caughtUp,
                        "subscriptions",
                        lag.size(),
                        "lagging",
                        lagging,
                        "seconds",
                        Math.round((System.nanoTime() - start) / 1e8) / 10.0);
            }
            Thread.sleep(250);
        }
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
        return ordered(
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

    private static Map<String, Object> startLeads(RunContext run, double rate, boolean thinOnly, int paymentEvery)
            throws Exception {
        if (run.leads != null) {
            throw new IllegalStateException("the leads are being sent already");
        }
        run.leads = new LeadWorkload(run.cluster, run.runId, run.cluster.instances());
        run.leads.start(rate, thinOnly, paymentEvery);
        return ordered("leads_per_second", rate, "thin_only", thinOnly, "payment_every", paymentEvery);
    }

    private static Map<String, Object> stopLeads(RunContext run) {
        if (run.leads == null) {
            return Map.of("running", false);
        }
        run.leadsSummary = run.leads.stop();
        var s = run.leadsSummary;
        return ordered("leads", s.leads(), "failed", s.failed(), "payments", s.payments());
    }

    private static Set<UUID> flows(RunContext run) {
        return run.leads == null ? Set.of() : run.leads.flows();
    }

    // Waits until every lead is qualified (or a drop fault accounts for it) and every decision has Oversight's verdict.
    private static Map<String, Object> leadFlows(RunContext run, Duration within) throws Exception {
        long start = System.nanoTime();
        while (true) {
            Map<String, Object> flows = run.cluster.agents().leadFlows(flows(run), run.experimentId);
            boolean settled = ((Number) flows.get("unaccounted")).longValue() == 0
                    && ((Number) flows.get("ungoverned")).longValue() == 0;
            if (settled || System.nanoTime() - start > within.toNanos()) {
                var result = new LinkedHashMap<String, Object>(flows);
                result.put("seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
                return result;
            }
            Thread.sleep(250);
        }
    }

    private static String decision(String decision) {
        if (!decision.equals("approve") && !decision.equals("reject")) {
            throw new InvalidExperimentException(
                    "decide_approvals.arguments.decision", "must be approve or reject, was '" + decision + "'");
        }
        return decision;
    }

    // People of {@code role} try to decide what they hold: through the instances' API, as they would.
    private static Map<String, Object> decideApprovals(
            RunContext run, String role, String decision, String by, String notes) throws Exception {
        List<UUID> pending = run.cluster.agents().pendingFor(role, flows(run));
        List<Cluster.Instance> instances = run.cluster.instances();
        int decided = 0;
        int refused = 0;
        int failed = 0;
        for (int i = 0; i < pending.size(); i++) {
            var body = new LinkedHashMap<String, Object>();
            body.put("decision", decision);
            body.put("decided_by", by);
            body.put(
                    "notes",
                    notes != null ? notes : decision.equals("reject") ? "refused during a chaos experiment" : null);
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            instances.get(i % instances.size()).url() + "/api/v1/approvals/" + pending.get(i)
                                    + "/decision"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Cluster.JSON.writeValueAsString(body)));
            run.cluster
                    .apiKey()
                    .ifPresent(key ->
                            request.header("Authorization", "Bearer " + key).header("apikey", key));
            int status = run.cluster.send(request.build()).statusCode();
            if (status == 200) {
                decided++;
            } else if (status == 409) {
                refused++;
            } else {
                failed++;
            }
        }
        return ordered(
                "role", role, "attempted", pending.size(), "decided", decided, "refused", refused, "failed", failed);
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
        return ordered("faults_ended_at", end.get().toString(), "waited_until", until.toString());
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

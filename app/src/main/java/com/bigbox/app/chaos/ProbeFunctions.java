package com.bigbox.app.chaos;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.chaos.InvalidExperimentException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The probes: what the steady-state hypothesis asks of the cluster, its database and its agents. */
final class ProbeFunctions {
    private ProbeFunctions() {}

    static Object call(String function, Arguments args, RunContext run) throws Exception {
        return switch (function) {
            case "instances_ready" -> instancesReady(run);
            case "total_check" -> TotalCheckProbe.check(run, args.seconds("drain_seconds", 30, 0, 600));
            case "subscriptions_caught_up" -> caughtUp(run, args.seconds("within_seconds", 30, 0, 600));
            case "approvals_overdue" ->
                run.cluster.probes().approvalsOverdue(Duration.ofSeconds(args.whole("grace_seconds", 60, 0, 86_400)));
            case "fault_hits" -> run.cluster.control().faultHits(run.experimentId);
            case "lead_flows" -> leadFlows(run, args.seconds("within_seconds", 30, 0, 600));
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
                                run.flows(),
                                Duration.ofSeconds(args.whole("grace_seconds", 60, 0, 86_400)));
            default ->
                throw new InvalidExperimentException("provider.func", "'" + function + "' is not a chaos function");
        };
    }

    private static long instancesReady(RunContext run) throws Exception {
        return run.cluster.instances().stream().filter(run.cluster::ready).count();
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
                return Builtins.ordered(
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

    // Waits until every lead is qualified (or a drop fault accounts for it) and every decision has Oversight's verdict.
    private static Map<String, Object> leadFlows(RunContext run, Duration within) throws Exception {
        long start = System.nanoTime();
        while (true) {
            Map<String, Object> flows = run.cluster.agents().leadFlows(run.flows(), run.experimentId);
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
}

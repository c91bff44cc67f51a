package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.InvalidExperimentException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The engine's chaos functions ({@code provider: {type: bigbox, func: ...}}): their names and arguments, checked
 * before a run, and the call of one. Probes observe the cluster ({@link ProbeFunctions}); actions load it
 * ({@link LoadActions}) or inject a fault, each bounded in time so it ends by itself ({@link FaultActions}).
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

    /** Calls {@code function}: the probes observe, the actions load the cluster or inject a fault. */
    static Object call(String function, Map<String, Object> arguments, RunContext run) throws Exception {
        var args = new Arguments(function, arguments);
        if (PROBES.contains(function)) {
            return ProbeFunctions.call(function, args, run);
        }
        if (LoadActions.FUNCTIONS.contains(function)) {
            return LoadActions.call(function, args, run);
        }
        return FaultActions.call(function, args, run);
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

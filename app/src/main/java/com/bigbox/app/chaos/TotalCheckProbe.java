package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.ProbeWorkload;
import com.bigbox.autonomic.chaos.TotalCheck;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code total_check} probe: every event the workload appended, counted in the store and at every reader
 * (each instance's feed, the durable probe subscription), lost, duplicated or unexpected.
 */
final class TotalCheckProbe {
    private TotalCheckProbe() {}

    /** The counts once every reader has every event it must have, or once {@code drain} is up. */
    static Map<String, Object> check(RunContext run, Duration drain) throws Exception {
        long start = System.nanoTime();
        Drained drained = drain(run, start + drain.toNanos());
        TotalCheck check = drained.check();
        // An instance that does not answer cannot show it delivered anything: unless this run crashed
        // it, that is an anomaly too.
        long silent = drained.unreachable().stream()
                .filter(name -> !run.crashed.contains(name))
                .count();
        run.anomalies = check.anomalies() + silent;
        Map<String, Object> result = Builtins.ordered(
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
                readers(check),
                "unreachable",
                drained.unreachable(),
                "silent_instances",
                silent,
                "drained_in_seconds",
                Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        run.lastTotalCheck = result;
        return result;
    }

    /** The last count, and the instances that did not answer for it. */
    private record Drained(TotalCheck check, List<String> unreachable) {}

    // Counts again every 250 ms until nothing is lost or the deadline (System.nanoTime) has passed.
    private static Drained drain(RunContext run, long deadline) throws Exception {
        Set<UUID> attempted = run.workload == null ? Set.of() : run.workload.attempted();
        Set<UUID> acknowledged = run.workload == null ? Set.of() : run.workload.acknowledged();
        while (true) {
            Set<UUID> stored = run.cluster.deliveries().stored(run.runId);
            var readers = new LinkedHashMap<String, Map<UUID, Long>>();
            var unreachable = new ArrayList<String>();
            for (Cluster.Instance instance : run.cluster.instances()) {
                try {
                    readers.put("feed:" + instance.name(), delivered(run, instance));
                } catch (IOException e) {
                    unreachable.add(instance.name());
                }
            }
            readers.put(
                    "subscription:" + ProbeWorkload.SUBSCRIPTION,
                    run.cluster.deliveries().delivered(run.runId));
            TotalCheck check = TotalCheck.of(attempted, acknowledged, stored, readers);
            if (check.lost() == 0 || System.nanoTime() > deadline) {
                return new Drained(check, unreachable);
            }
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> readers(TotalCheck check) {
        var readers = new LinkedHashMap<String, Object>();
        check.readers()
                .forEach((name, r) -> readers.put(
                        name,
                        Builtins.ordered(
                                "delivered",
                                r.delivered(),
                                "lost",
                                r.lost(),
                                "duplicated",
                                r.duplicated(),
                                "unexpected",
                                r.unexpected())));
        return readers;
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
}

package com.bigbox.autonomic.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The journal of one run: each hypothesis probe before and after, each activity of the method and
 * the rollbacks with what it returned, what was found, and the verdict.
 *
 * @param recoverySeconds from the end of the method until the steady state held again, or null when it did not
 * @param eventsAffected events the experiment's faults or workload touched
 */
public record RunRecord(
        Status status,
        boolean deviated,
        List<ProbeResult> hypothesisBefore,
        List<ProbeResult> hypothesisAfter,
        List<ActivityResult> method,
        List<ActivityResult> rollbacks,
        List<String> findings,
        Degradation degradation,
        ResilienceScore score,
        Integer recoverySeconds,
        long eventsAffected,
        Instant endedAt) {

    public enum Status {
        COMPLETED,
        ABORTED
    }

    public RunRecord {
        hypothesisBefore = List.copyOf(hypothesisBefore);
        hypothesisAfter = List.copyOf(hypothesisAfter);
        method = List.copyOf(method);
        rollbacks = List.copyOf(rollbacks);
        findings = List.copyOf(findings);
    }

    /** Deviations plus lost, duplicated and unexpected deliveries: what {@code failures_detected} counts. */
    public int failuresDetected() {
        return degradation.deviatedProbes() + (int) Math.min(Integer.MAX_VALUE, degradation.anomalies());
    }

    /** One probe of the hypothesis: its value, whether it was within tolerance, and why it failed if it did. */
    public record ProbeResult(
            String name, Object value, Map<String, Object> tolerance, boolean withinTolerance, String error) {}

    /** One activity as run. */
    public record ActivityResult(
            String name, String type, Instant startedAt, Instant endedAt, Object output, String error) {
        public boolean failed() {
            return error != null;
        }
    }
}

package com.bigbox.autonomic.chaos;

/**
 * How much worse the system was during an experiment, between 0 (no visible effect) and 1: the
 * largest of the share of hypothesis probes that deviated afterwards, the share of the workload's
 * attempts that failed, and the share of acknowledged events lost, duplicated or unexpected.
 *
 * @param probes hypothesis probes checked after the method
 * @param deviatedProbes those outside their tolerance
 * @param attempts workload appends tried
 * @param failedAttempts those not acknowledged
 * @param acknowledged appends acknowledged
 * @param anomalies lost + duplicated + unexpected deliveries
 */
public record Degradation(
        int probes, int deviatedProbes, long attempts, long failedAttempts, long acknowledged, long anomalies) {
    public Degradation {
        if (probes < 0
                || deviatedProbes < 0
                || deviatedProbes > probes
                || attempts < 0
                || failedAttempts < 0
                || failedAttempts > attempts
                || acknowledged < 0
                || anomalies < 0) {
            throw new IllegalArgumentException("inconsistent measures: " + probes + "/" + deviatedProbes + " probes, "
                    + attempts + "/" + failedAttempts + " attempts, " + acknowledged + "/" + anomalies
                    + " acknowledged/anomalies");
        }
    }

    public double value() {
        double deviation = probes == 0 ? 0 : (double) deviatedProbes / probes;
        double unavailability = attempts == 0 ? 0 : (double) failedAttempts / attempts;
        double incorrectness = anomalies == 0 ? 0 : Math.min(1, (double) anomalies / Math.max(1, acknowledged));
        return Math.max(deviation, Math.max(unavailability, incorrectness));
    }

    /** Round to the two decimals {@code chaos_experiments.system_degradation} keeps. */
    public double rounded() {
        return Math.round(value() * 100) / 100.0;
    }
}

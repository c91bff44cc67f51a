package com.bigbox.autonomic.chaos;

/**
 * Names shared by the chaos workload (the experiment's writer), the engines that deliver its events
 * and the total check that counts them.
 */
public final class ProbeWorkload {
    /** Every workload event lives on {@code CHAOS_PROBE/<run id>-w<writer>}. */
    public static final String AGGREGATE_TYPE = "CHAOS_PROBE";

    public static final String EVENT_TYPE = "CHAOS_PROBE_APPENDED";
    /** The durable subscription every engine with the chaos surface runs; it records each handling. */
    public static final String SUBSCRIPTION = "chaos-probe";

    private ProbeWorkload() {}

    /** The run an aggregate id belongs to: {@code <run id>-w<writer>} → {@code <run id>}. */
    public static String runOf(String aggregateId) {
        int writer = aggregateId.lastIndexOf("-w");
        return writer < 0 ? aggregateId : aggregateId.substring(0, writer);
    }
}

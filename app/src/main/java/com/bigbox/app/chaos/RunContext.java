package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.Experiment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The state one run shares between its activities: the cluster, the workload, what is to be cleaned up. */
final class RunContext {
    final Cluster cluster;
    final UUID experimentId;
    final String runId;
    final Experiment experiment;
    Workload workload;
    Workload.Summary workloadSummary;
    Object lastTotalCheck;
    long anomalies;
    boolean slowWritesInstalled;
    /** Instances this run crashed on purpose: the total check does not expect them to answer. */
    final java.util.Set<String> crashed = new java.util.HashSet<>();
    final List<Thread> holders = new ArrayList<>();

    RunContext(Cluster cluster, UUID experimentId, Experiment experiment) {
        this.cluster = cluster;
        this.experimentId = experimentId;
        this.experiment = experiment;
        this.runId = "run-" + experimentId.toString().substring(0, 8);
    }

    /** Stops what the runner itself started (the workload, lock holders); faults end by their rollbacks or windows. */
    void stopHelpers() {
        if (workload != null) {
            workloadSummary = workload.stop();
        }
        for (Thread holder : holders) {
            holder.interrupt();
        }
    }
}

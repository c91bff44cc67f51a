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
    LeadWorkload leads;
    LeadWorkload.Summary leadsSummary;
    Object lastTotalCheck;
    long anomalies;
    boolean slowWritesInstalled;
    /** Instances this run crashed on purpose: the total check does not expect them to answer. */
    final java.util.Set<String> crashed = new java.util.HashSet<>();

    final List<Thread> holders = new ArrayList<>();
    /**
     * The instance that serves this run's functions to a runner in another process (the Chaos
     * Toolkit), which must survive it: {@code crash_instance} picks another; null for {@code ./bigbox chaos run}.
     */
    final String servedBy;

    RunContext(Cluster cluster, UUID experimentId, Experiment experiment) {
        this(cluster, experimentId, experiment, null);
    }

    RunContext(Cluster cluster, UUID experimentId, Experiment experiment, String servedBy) {
        this.servedBy = servedBy;
        this.cluster = cluster;
        this.experimentId = experimentId;
        this.experiment = experiment;
        this.runId = "run-" + experimentId.toString().substring(0, 8);
    }

    /** The flows (correlation ids) of the leads this run sent; none before {@code start_leads}. */
    java.util.Set<UUID> flows() {
        return leads == null ? java.util.Set.of() : leads.flows();
    }

    /** Stops what the runner itself started (the workloads, lock holders); faults end by their rollbacks or windows. */
    void stopHelpers() {
        if (workload != null) {
            workloadSummary = workload.stop();
        }
        if (leads != null) {
            leadsSummary = leads.stop();
        }
        for (Thread holder : holders) {
            holder.interrupt();
        }
    }
}

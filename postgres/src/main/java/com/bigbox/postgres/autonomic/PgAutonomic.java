package com.bigbox.postgres.autonomic;

import com.bigbox.autonomic.runtime.AutonomicPorts;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.approvals.PgApprovalStore;
import com.bigbox.postgres.projections.PgProjectionStore;
import com.bigbox.postgres.scheduling.PgJobRunner;
import com.bigbox.postgres.scheduling.PgJobScheduler;
import com.bigbox.postgres.sop.PgSopStore;
import java.time.Clock;
import java.time.Duration;

/** The PostgreSQL adapters of autonomic operations on one node, with its running job runner. */
public final class PgAutonomic implements AutoCloseable {
    public static final Duration DEFAULT_JOB_POLL = Duration.ofSeconds(1);

    private final AutonomicPorts ports;
    private final PgJobRunner jobs;

    private PgAutonomic(AutonomicPorts ports, PgJobRunner jobs) {
        this.ports = ports;
        this.jobs = jobs;
    }

    /** @param jobPoll how often the node looks for due jobs */
    public static PgAutonomic start(PgNode node, Clock clock, Duration jobPoll) {
        PgAutonomic adapters = passive(node, clock, jobPoll);
        adapters.jobs.start();
        return adapters;
    }

    /** The adapters without running this node's job runner (an instance that serves the API only). */
    public static PgAutonomic passive(PgNode node, Clock clock, Duration jobPoll) {
        var jobs = new PgJobRunner(node.store(), clock, node.name(), jobPoll);
        var ports = new AutonomicPorts(node.subscriptions(), new PgApprovalStore(), new PgSopStore(), new PgProjectionStore(),
                new PgJobScheduler(), jobs);
        return new PgAutonomic(ports, jobs);
    }

    public AutonomicPorts ports() {
        return ports;
    }

    public PgJobRunner jobs() {
        return jobs;
    }

    @Override
    public void close() {
        jobs.close();
    }
}

package com.bigbox.postgres.autonomic;

import com.bigbox.autonomic.chaos.ActiveFaults;
import com.bigbox.autonomic.improvement.ImprovementPorts;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.GoLive;
import com.bigbox.autonomic.improvement.loops.WeeklyReviewLoop;
import com.bigbox.autonomic.improvement.review.ReviewWeek;
import com.bigbox.autonomic.improvement.review.WeeklyReview;
import com.bigbox.autonomic.projections.ProjectionRegistry;
import com.bigbox.autonomic.runtime.EngineProjections;
import com.bigbox.autonomic.runtime.InfrastructurePorts;
import com.bigbox.autonomic.runtime.ShippedAgents;
import com.bigbox.autonomic.sop.SopDefinitionsProjection;
import com.bigbox.autonomic.sop.SopLoader;
import com.bigbox.autonomic.sop.SopValidator;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.approvals.PgApprovalStore;
import com.bigbox.postgres.improvement.PgImprovementFacts;
import com.bigbox.postgres.improvement.PgImprovementStore;
import com.bigbox.postgres.improvement.PgWeeklyReviewReads;
import com.bigbox.postgres.projections.PgProjectionLock;
import com.bigbox.postgres.projections.PgProjectionStore;
import com.bigbox.postgres.scheduling.PgJobRunner;
import com.bigbox.postgres.scheduling.PgJobScheduler;
import com.bigbox.postgres.sop.PgSopStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The PostgreSQL adapters of autonomic operations on one node, with its running job runner. */
public final class PostgresAdapters implements AutoCloseable {
    public static final Duration DEFAULT_JOB_POLL = Duration.ofSeconds(1);

    private final InfrastructurePorts ports;
    private final PgJobRunner jobs;

    private PostgresAdapters(InfrastructurePorts ports, PgJobRunner jobs) {
        this.ports = ports;
        this.jobs = jobs;
    }

    /**
     * @param jobPoll how often the node looks for due jobs
     * @param faults the chaos faults in force, which the agents' handlers are exposed to
     */
    public static PostgresAdapters start(PgNode node, Clock clock, Duration jobPoll, ActiveFaults faults) {
        PostgresAdapters adapters = passive(node, clock, jobPoll, faults);
        adapters.jobs.start();
        return adapters;
    }

    /** The adapters without running this node's job runner (an instance that serves the API only). */
    public static PostgresAdapters passive(PgNode node, Clock clock, Duration jobPoll, ActiveFaults faults) {
        var jobs = new PgJobRunner(node.store(), clock, node.name(), jobPoll);
        var ports = new InfrastructurePorts(
                node.subscriptions(),
                new PgApprovalStore(),
                new PgSopStore(),
                new PgProjectionStore(),
                new PgProjectionLock(),
                new PgJobScheduler(),
                jobs,
                faults,
                improvement());
        return new PostgresAdapters(ports, jobs);
    }

    /** Every projection over the PostgreSQL adapters, as {@code bigbox replay} rebuilds them (nothing runs). */
    public static ProjectionRegistry projections() {
        return EngineProjections.registry(
                new PgApprovalStore(),
                new PgSopStore(),
                new PgProjectionStore(),
                new PgJobScheduler(),
                new PgImprovementStore());
    }

    /** Loads SOP files into this database the way a running engine does (a command that runs nothing else). */
    public static SopLoader sopLoader(Clock clock) {
        var sops = new PgSopStore();
        return new SopLoader(
                sops, new SopDefinitionsProjection(sops), new PgProjectionLock(), new SopValidator(), clock);
    }

    /** Self-improvement's adapters. */
    public static ImprovementPorts improvement() {
        return new ImprovementPorts(new PgImprovementFacts(), new PgImprovementStore(), new PgWeeklyReviewReads());
    }

    /** The weekly automation review of {@code week} from this database, with no engine running (the CLI). */
    public static WeeklyReview weeklyReview(UnitOfWork work, GoLive goLive, ReviewWeek week, Instant now) {
        return WeeklyReviewLoop.review(
                work,
                Doctrine.shipped(),
                new PgImprovementFacts(),
                new PgWeeklyReviewReads(),
                ShippedAgents.all().stream().map(a -> a.definition().name()).toList(),
                goLive,
                week,
                now);
    }

    public InfrastructurePorts ports() {
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

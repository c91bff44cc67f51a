package com.bigbox.autonomic.runtime;

import com.bigbox.autonomic.approvals.ApprovalStore;
import com.bigbox.autonomic.chaos.ActiveFaults;
import com.bigbox.autonomic.improvement.ImprovementPorts;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.autonomic.projections.ProjectionStore;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.core.Subscriptions;

/**
 * What autonomic operations need from the infrastructure: storage adapters, the lock between live
 * projection writers and a rebuild, the scheduler, subscriptions, the chaos faults in force, and
 * self-improvement's facts, rows and review figures.
 */
public record InfrastructurePorts(
        Subscriptions subscriptions,
        ApprovalStore approvals,
        SopStore sops,
        ProjectionStore projections,
        ProjectionLock projectionLock,
        JobScheduler scheduler,
        JobRunner jobs,
        ActiveFaults faults,
        ImprovementPorts improvement) {}

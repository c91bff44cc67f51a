package com.bigbox.autonomic.runtime;

import com.bigbox.autonomic.approvals.ApprovalStore;
import com.bigbox.autonomic.projections.ProjectionStore;
import com.bigbox.autonomic.scheduling.JobRunner;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.core.Subscriptions;

/** What autonomic operations need from the infrastructure: storage adapters, the scheduler and subscriptions. */
public record AutonomicPorts(Subscriptions subscriptions, ApprovalStore approvals, SopStore sops, ProjectionStore projections,
        JobScheduler scheduler, JobRunner jobs) {}

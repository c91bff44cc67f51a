package com.bigbox.autonomic.runtime;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.approvals.ApprovalStore;
import com.bigbox.autonomic.approvals.ApprovalsProjection;
import com.bigbox.autonomic.improvement.ImprovementProjection;
import com.bigbox.autonomic.improvement.ImprovementStore;
import com.bigbox.autonomic.projections.AgentMetricsProjection;
import com.bigbox.autonomic.projections.ClientHealthProjection;
import com.bigbox.autonomic.projections.ClientHealthRules;
import com.bigbox.autonomic.projections.Projection;
import com.bigbox.autonomic.projections.ProjectionRegistry;
import com.bigbox.autonomic.projections.ProjectionStore;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.autonomic.sop.SopDefinitionsProjection;
import com.bigbox.autonomic.sop.SopExecutionsProjection;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.core.SubscriptionHandler;
import java.util.List;

/**
 * Every table the engine derives from events, each by its own type: the services that apply a projection inline
 * (approvals, SOPs) get the one they write without looking it up by name, and {@link #registry()} lists them all in
 * dependency order, as {@code bigbox replay} rebuilds them. A new projection is one class, listed here.
 */
public record EngineProjections(
        ApprovalsProjection approvals,
        SopDefinitionsProjection sopDefinitions,
        SopExecutionsProjection sopExecutions,
        AgentMetricsProjection agentMetrics,
        ClientHealthProjection clientHealth,
        ImprovementProjection improvement) {

    /** The projections over these adapters; {@code agents} are the ones whose metrics are counted. */
    public static EngineProjections over(
            AgentCatalog agents,
            ApprovalStore approvals,
            SopStore sops,
            ProjectionStore projections,
            JobScheduler scheduler,
            ImprovementStore improvement) {
        return new EngineProjections(
                new ApprovalsProjection(approvals, scheduler),
                new SopDefinitionsProjection(sops),
                new SopExecutionsProjection(sops, scheduler),
                new AgentMetricsProjection(projections, agents),
                new ClientHealthProjection(projections, new ClientHealthRules()),
                new ImprovementProjection(improvement));
    }

    /** The projections over these adapters with the shipped agents, as a rebuild needs them without running anything. */
    public static ProjectionRegistry registry(
            ApprovalStore approvals,
            SopStore sops,
            ProjectionStore projections,
            JobScheduler scheduler,
            ImprovementStore improvement) {
        return over(ShippedAgents.catalog(), approvals, sops, projections, scheduler, improvement)
                .registry();
    }

    /** All of them, each after those it depends on. */
    public ProjectionRegistry registry() {
        return new ProjectionRegistry(
                List.<Projection>of(approvals, sopDefinitions, sopExecutions, agentMetrics, clientHealth, improvement));
    }

    /** How a subscribed projection follows the log live: client health also raises a risk when a client's drops. */
    SubscriptionHandler liveHandler(Projection projection) {
        return projection == clientHealth ? clientHealth.live() : projection::apply;
    }
}

package com.bigbox.server.autonomic.api;

import com.bigbox.autonomic.events.EventCatalogue;
import com.bigbox.autonomic.meetings.MeetingIntake;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.core.EventBus;
import com.bigbox.postgres.autonomic.PgAutonomicReads;
import com.bigbox.postgres.autonomic.PgCompatReads;
import com.bigbox.postgres.autonomic.PgSubscriptionStatus;
import com.bigbox.postgres.improvement.PgImprovementReads;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.agents.AgentRoutes;
import com.bigbox.server.approvals.ApprovalRoutes;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.AutonomicErrors;
import com.bigbox.server.autonomic.Replies;
import com.bigbox.server.compat.CompatAgentRoutes;
import com.bigbox.server.compat.CompatApprovalRoutes;
import com.bigbox.server.compat.CompatClientRoutes;
import com.bigbox.server.compat.CompatEventRoutes;
import com.bigbox.server.compat.CompatSopRoutes;
import com.bigbox.server.improvement.ImprovementRoutes;
import com.bigbox.server.leads.LeadRoutes;
import com.bigbox.server.meetings.MeetingRoutes;
import com.bigbox.server.projections.ProjectionRoutes;
import com.bigbox.server.sop.SopRoutes;
import java.util.List;

/** Every HTTP module of autonomic operations: the engine API under {@code /api/v1} and the original's {@code /api}. */
public final class AutonomicHttp {
    private AutonomicHttp() {}

    public static List<HttpModule> modules(RequestTransactions transactions, EventBus bus, AutonomicOperations ops) {
        var reads = new PgAutonomicReads();
        var compat = new PgCompatReads();
        var agents = new AgentRoutes(transactions, ops, new PgSubscriptionStatus(), reads);
        var compatAgents = new CompatAgentRoutes(transactions, ops, agents, reads, compat);
        return List.of(
                new AutonomicErrors(),
                config -> config.routes.get(
                        "/api/v1/event-types", ctx -> Replies.json(ctx, EventCatalogue.all()), Access.SIGNED_IN),
                agents,
                new ApprovalRoutes(transactions, ops.approvals()),
                new SopRoutes(transactions, ops, reads),
                new ProjectionRoutes(transactions, reads, ops.clock()),
                new LeadRoutes(transactions, ops.leadIntake()),
                new MeetingRoutes(transactions, new MeetingIntake(ops.clock())),
                new CompatEventRoutes(transactions, bus, ops, compat),
                compatAgents,
                new CompatApprovalRoutes(transactions, ops, compat, compatAgents),
                new CompatClientRoutes(transactions, reads, compat),
                new CompatSopRoutes(transactions, ops, compat),
                new ImprovementRoutes(transactions, ops, new PgImprovementReads()));
    }
}

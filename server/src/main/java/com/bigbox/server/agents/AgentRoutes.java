package com.bigbox.server.agents;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.autonomic.PgAutonomicReads;
import com.bigbox.postgres.autonomic.PgSubscriptionStatus;
import com.bigbox.postgres.autonomic.SubscriptionStatus;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/agents}: each agent's status, lag, threshold and autonomy level; changing a setting
 * appends the agent's {@code AGENT_*_CHANGED} event, which every instance follows.
 */
public final class AgentRoutes implements HttpModule {
    private static final Set<String> SETTINGS =
            Set.of("threshold", "autonomy_level", "financial_limit", "reason", "changed_by");

    private final RequestTransactions transactions;
    private final AutonomicOperations ops;
    private final PgSubscriptionStatus statuses;
    private final PgAutonomicReads reads;

    public AgentRoutes(
            RequestTransactions transactions,
            AutonomicOperations ops,
            PgSubscriptionStatus statuses,
            PgAutonomicReads reads) {
        this.transactions = transactions;
        this.ops = ops;
        this.statuses = statuses;
        this.reads = reads;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/api/v1/agents", ctx -> ctx.json(transactions.run(ctx, this::all)), Access.STAFF);
        config.routes.get(
                "/api/v1/agents/{name}",
                ctx -> ctx.json(transactions.run(ctx, w -> one(w, ctx.pathParam("name")))),
                Access.STAFF);
        config.routes.patch("/api/v1/agents/{name}", this::change, Access.ADMIN);
        config.routes.get("/api/v1/agents/{name}/metrics", this::metrics, Access.STAFF);
    }

    public List<AgentView> all(UnitOfWork work) {
        AgentCatalog catalog = ops.agents();
        List<AgentDefinition> agents = catalog.all();
        Map<String, SubscriptionStatus> status = statuses.of(
                work, agents.stream().map(AgentDefinition::subscriptionName).toList());
        return agents.stream()
                .map(a -> AgentView.of(a, catalog.settings(work, a.name()), status.get(a.subscriptionName())))
                .toList();
    }

    public AgentView one(UnitOfWork work, String name) {
        AgentDefinition agent = ops.agents().require(name);
        SubscriptionStatus status =
                statuses.of(work, List.of(agent.subscriptionName())).get(agent.subscriptionName());
        return AgentView.of(agent, ops.agents().settings(work, name), status);
    }

    private void change(Context ctx) {
        String name = ctx.pathParam("name");
        Body body = Body.of(ctx, SETTINGS);
        String by = body.requiredText("changed_by");
        String reason = body.text("reason");
        Double threshold = body.number("threshold");
        String autonomy = body.text("autonomy_level");
        var limit = body.decimal("financial_limit");
        if (threshold == null && autonomy == null && limit == null) {
            throw com.bigbox.server.ApiException.badRequest(
                    "threshold", "change threshold, autonomy_level or financial_limit");
        }
        Instant now = ops.clock().instant();
        ctx.json(transactions.run(ctx, w -> {
            ops.agents().require(name);
            if (threshold != null) {
                ops.agents().changeThreshold(w, name, threshold, reason, by, now);
            }
            if (autonomy != null) {
                ops.agents().changeAutonomy(w, name, autonomy, reason, by, now);
            }
            if (limit != null) {
                ops.agents().changeFinancialLimit(w, name, limit, reason, by, now);
            }
            return one(w, name);
        }));
    }

    private void metrics(Context ctx) {
        String name = ctx.pathParam("name");
        ops.agents().require(name);
        int days = Query.integer(ctx, "days", 30, 1, 3650);
        Instant since = ops.clock().instant().minus(Duration.ofDays(days));
        Replies.json(ctx, transactions.run(ctx, w -> reads.agentMetrics(w, name, since, 1000)));
    }
}

package com.bigbox.server.compat;

import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.autonomic.PgAutonomicReads;
import com.bigbox.postgres.autonomic.PgCompatReads;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.agents.AgentRoutes;
import com.bigbox.server.agents.AgentView;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The original's {@code /api/agents} paths: the agents, their metrics, history, performance and health. */
public final class CompatAgentRoutes implements HttpModule {
    /** An agent this far behind is reported unhealthy. */
    static final long LAG_LIMIT = 1_000;

    private final RequestTransactions transactions;
    private final AutonomicOperations ops;
    private final AgentRoutes agents;
    private final PgAutonomicReads reads;
    private final PgCompatReads compat;

    public CompatAgentRoutes(
            RequestTransactions transactions,
            AutonomicOperations ops,
            AgentRoutes agents,
            PgAutonomicReads reads,
            PgCompatReads compat) {
        this.transactions = transactions;
        this.ops = ops;
        this.agents = agents;
        this.reads = reads;
        this.compat = compat;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get(
                "/api/agents",
                ctx -> Replies.json(ctx, Map.of("agents", transactions.run(ctx, agents::all))),
                Access.STAFF);
        config.routes.get(
                "/api/agents/metrics",
                ctx -> Replies.json(
                        ctx, Map.of("metrics", transactions.run(ctx, w -> reads.agentPerformance(w, null, since(30))))),
                Access.STAFF);
        config.routes.get(
                "/api/agents/health", ctx -> Replies.json(ctx, transactions.run(ctx, this::health)), Access.STAFF);
        config.routes.get(
                "/api/agents/{name}/history",
                ctx -> {
                    String name = ops.agents().require(ctx.pathParam("name")).name();
                    int limit = Query.integer(ctx, "limit", 100, 1, 1000);
                    var q = new PgCompatReads.EventQuery(
                            List.of(), null, null, name, null, null, null, null, null, limit);
                    List<Envelope> events = Envelope.all(transactions.run(ctx, w -> compat.events(w, q)));
                    Replies.json(ctx, Map.of("agent", name, "events", events, "count", events.size()));
                },
                Access.STAFF);
        config.routes.get(
                "/api/agents/{name}/performance",
                ctx -> {
                    String name = ops.agents().require(ctx.pathParam("name")).name();
                    int days = Query.integer(ctx, "days", 30, 1, 3650);
                    Replies.json(ctx, transactions.run(ctx, w -> {
                        var body = new LinkedHashMap<String, Object>();
                        body.put("agent", agents.one(w, name));
                        body.put(
                                "summary",
                                reads.agentPerformance(w, name, since(days)).stream()
                                        .findFirst()
                                        .orElse(Map.of()));
                        body.put("windows", reads.agentMetrics(w, name, since(days), 1000));
                        return body;
                    }));
                },
                Access.STAFF);
    }

    /** Every agent running and within {@link #LAG_LIMIT} events of the head. */
    Map<String, Object> health(UnitOfWork work) {
        List<AgentView> all = agents.all(work);
        boolean healthy = all.stream().allMatch(a -> a.status().equals("running") && a.lag() <= LAG_LIMIT);
        var body = new LinkedHashMap<String, Object>();
        body.put("healthy", healthy);
        body.put(
                "agents",
                all.stream()
                        .map(a -> Map.of("name", a.name(), "status", a.status(), "lag", a.lag()))
                        .toList());
        return body;
    }

    private Instant since(int days) {
        return ops.clock().instant().minus(Duration.ofDays(days));
    }
}

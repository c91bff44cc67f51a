package com.bigbox.server.projections;

import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.projections.ClientHealth;
import com.bigbox.postgres.autonomic.PgAutonomicReads;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The projections over HTTP: agent metrics per window (and per agent over 30 days), client health. */
public final class ProjectionRoutes implements HttpModule {
    private final RequestTransactions transactions;
    private final PgAutonomicReads reads;
    private final Clock clock;

    public ProjectionRoutes(RequestTransactions transactions, PgAutonomicReads reads, Clock clock) {
        this.transactions = transactions;
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get(
                "/api/v1/agent-metrics",
                ctx -> {
                    Instant since = since(ctx);
                    String agent = Query.text(ctx, "agent_id");
                    int limit = Query.integer(ctx, "limit", 500, 1, 5000);
                    Replies.json(ctx, transactions.run(ctx, w -> reads.agentMetrics(w, agent, since, limit)));
                },
                Access.STAFF);
        config.routes.get(
                "/api/v1/agent-performance",
                ctx -> {
                    Instant since = since(ctx);
                    Replies.json(
                            ctx,
                            transactions.run(ctx, w -> reads.agentPerformance(w, Query.text(ctx, "agent_id"), since)));
                },
                Access.STAFF);
        config.routes.get("/api/v1/client-health", this::clients, Access.STAFF);
        config.routes.get(
                "/api/v1/client-health/{id}",
                ctx -> {
                    String id = ctx.pathParam("id");
                    Replies.json(
                            ctx,
                            transactions
                                    .run(ctx, w -> reads.clientHealth(w, id))
                                    .orElseThrow(
                                            () -> new NotFoundException("no health record for client '" + id + "'")));
                },
                Access.STAFF);
    }

    private void clients(Context ctx) {
        String status = Query.text(ctx, "status");
        if (status != null && !ClientHealth.STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "status must be one of " + ClientHealth.STATUSES);
        }
        int limit = Query.integer(ctx, "limit", 500, 1, 5000);
        Replies.json(ctx, transactions.run(ctx, w -> reads.clientHealth(w, status, limit)));
    }

    private Instant since(Context ctx) {
        Instant since = Query.instant(ctx, "since");
        return since != null ? since : clock.instant().minus(Duration.ofDays(Query.integer(ctx, "days", 30, 1, 3650)));
    }
}

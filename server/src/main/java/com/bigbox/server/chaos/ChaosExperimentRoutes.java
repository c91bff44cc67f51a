package com.bigbox.server.chaos;

import com.bigbox.postgres.chaos.ChaosExperimentReads;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * {@code GET /api/v1/chaos/experiments} (latest runs with score, degradation and the trend) and
 * {@code GET /api/v1/chaos/experiments/{id}} (one run's full journal), read as the caller.
 */
public final class ChaosExperimentRoutes implements HttpModule {
    private final RequestTransactions transactions;
    private final ChaosExperimentReads reads;

    public ChaosExperimentRoutes(RequestTransactions transactions, ChaosExperimentReads reads) {
        this.transactions = transactions;
        this.reads = reads;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/api/v1/chaos/experiments", this::list, Access.STAFF);
        config.routes.get("/api/v1/chaos/experiments/{id}", this::one, Access.STAFF);
    }

    private void list(Context ctx) {
        int limit = 50;
        String given = ctx.queryParam("limit");
        if (given != null) {
            try {
                limit = Integer.parseInt(given);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) {
                throw ApiException.badRequest("limit", "limit must be a whole number from 1 to 500");
            }
        }
        int n = limit;
        String body = transactions.run(ctx, work -> reads.list(work, n));
        ctx.contentType("application/json").result(body);
    }

    private void one(Context ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id", "an experiment id is a UUID, was '" + ctx.pathParam("id") + "'");
        }
        String body = transactions
                .run(ctx, work -> reads.one(work, id))
                .orElseThrow(() -> ApiException.notFound("no chaos experiment " + id));
        ctx.contentType("application/json").result(body);
    }
}

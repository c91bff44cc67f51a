package com.bigbox.server.sop;

import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.autonomic.sop.SopFile;
import com.bigbox.postgres.autonomic.PgAutonomicReads;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;

/**
 * SOPs over HTTP: the active versions, one SOP's history, loading files (validated all at once, none
 * loaded on error), executions with their steps, and the execution metrics per SOP.
 */
public final class SopRoutes implements HttpModule {
    private final RequestTransactions transactions;
    private final AutonomicOperations ops;
    private final PgAutonomicReads reads;

    public SopRoutes(RequestTransactions transactions, AutonomicOperations ops, PgAutonomicReads reads) {
        this.transactions = transactions;
        this.ops = ops;
        this.reads = reads;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get(
                "/api/v1/sops",
                ctx -> Replies.json(
                        ctx,
                        transactions.run(ctx, w -> ops.sops().activeVersions(w)).stream()
                                .map(v -> SopVersionView.of(v, false))
                                .toList()),
                Access.STAFF);
        config.routes.post("/api/v1/sops", this::load, Access.ADMIN);
        config.routes.get("/api/v1/sops/{id}", this::one, Access.STAFF);
        config.routes.get(
                "/api/v1/sop-metrics",
                ctx -> Replies.json(ctx, transactions.run(ctx, w -> reads.sopMetrics(w, Query.text(ctx, "sop_id")))),
                Access.STAFF);
        config.routes.get("/api/v1/sop-executions", this::executions, Access.STAFF);
        config.routes.get(
                "/api/v1/sop-executions/{id}",
                ctx -> {
                    UUID id = Query.uuid("id", ctx.pathParam("id"));
                    Replies.json(
                            ctx,
                            ExecutionView.of(transactions
                                    .run(ctx, w -> ops.sops().execution(w, id))
                                    .orElseThrow(() -> new NotFoundException("no SOP execution " + id))));
                },
                Access.STAFF);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        Replies.json(ctx, transactions.run(ctx, w -> {
            var versions = ops.sops().versions(w, id);
            if (versions.isEmpty()) {
                throw new NotFoundException("no SOP '" + id + "'");
            }
            var body = new LinkedHashMap<String, Object>();
            body.put("sop_id", id);
            body.put(
                    "active",
                    ops.sops()
                            .activeVersion(w, id)
                            .map(v -> SopVersionView.of(v, true))
                            .orElse(null));
            body.put(
                    "versions",
                    versions.stream().map(v -> SopVersionView.of(v, false)).toList());
            return body;
        }));
    }

    // {"files": [{"name": "x.yaml", "content": "..."}], "loaded_by": "..."}
    private void load(Context ctx) {
        Body body = Body.of(ctx, Set.of("files", "loaded_by"));
        String by = body.requiredText("loaded_by");
        JsonNode files = body.node("files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            throw ApiException.badRequest("files", "files must be a non-empty array of {name, content}");
        }
        var sopFiles = new ArrayList<SopFile>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode f = files.get(i);
            if (!f.path("name").isTextual() || !f.path("content").isTextual()) {
                throw ApiException.badRequest(
                        "files[" + i + "]", "files[" + i + "] needs a name and a content (the YAML text)");
            }
            sopFiles.add(new SopFile(f.get("name").asText(), f.get("content").asText()));
        }
        Replies.json(ctx, transactions.run(ctx, w -> ops.sopLoader().load(w, sopFiles, by)));
    }

    private void executions(Context ctx) {
        String sopId = Query.text(ctx, "sop_id");
        String status = Query.text(ctx, "status");
        if (status != null
                && !Set.of("in_progress", "completed", "failed", "escalated").contains(status)) {
            throw ApiException.badRequest("status", "status must be in_progress, completed, failed or escalated");
        }
        int limit = Query.integer(ctx, "limit", 50, 1, 500);
        Replies.json(
                ctx,
                transactions.run(ctx, w -> ops.sops().executions(w, sopId, status, limit)).stream()
                        .map(ExecutionView::of)
                        .toList());
    }
}

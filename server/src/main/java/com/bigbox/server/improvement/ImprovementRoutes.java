package com.bigbox.server.improvement;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.improvement.review.ReviewWeek;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.autonomic.sop.SopVersion;
import com.bigbox.core.RecordedEvent;
import com.bigbox.postgres.improvement.PgImprovementReads;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.approvals.ApprovalView;
import com.bigbox.server.approvals.Deciders;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import com.bigbox.server.compat.Envelope;
import com.bigbox.server.events.EventView;
import com.bigbox.server.sop.SopVersionView;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Self-improvement under {@code /api/v1}: the weekly automation review, the loops' signals (drift alerts
 * among them) with acknowledgement, SOP proposals with approve / reject, reverting an SOP's version, and a
 * person's override of a decision that took effect alone.
 * Each request runs as its caller, like every engine route.
 */
public final class ImprovementRoutes implements HttpModule {
    private static final Set<String> KINDS = Set.of("gap", "margin", "optimization", "drift", "violation");
    private static final Set<String> STATUSES = Set.of("pending", "activated", "rejected", "expired", "reverted");

    private final RequestTransactions transactions;
    private final AutonomicOperations ops;
    private final PgImprovementReads reads;

    public ImprovementRoutes(RequestTransactions transactions, AutonomicOperations ops, PgImprovementReads reads) {
        this.transactions = transactions;
        this.ops = ops;
        this.reads = reads;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get(
                "/api/v1/reviews/weekly",
                ctx -> {
                    String week = Query.text(ctx, "week");
                    ReviewWeek reviewed =
                            week == null ? ReviewWeek.of(ops.clock().instant()) : ReviewWeek.parse(week);
                    Replies.json(
                            ctx, transactions.run(ctx, w -> ops.improvement().weeklyReview(w, reviewed)));
                },
                Access.STAFF);
        config.routes.get("/api/v1/signals", ctx -> signals(ctx, choice(ctx, "kind", KINDS)), Access.STAFF);
        config.routes.get("/api/v1/drift-alerts", ctx -> signals(ctx, "drift"), Access.STAFF);
        config.routes.post("/api/v1/signals/{id}/acknowledge", this::acknowledge, Access.STAFF);
        config.routes.post("/api/v1/drift-alerts/{id}/acknowledge", this::acknowledge, Access.STAFF);
        config.routes.get(
                "/api/v1/sop-proposals",
                ctx -> {
                    String status = choice(ctx, "status", STATUSES);
                    int limit = Query.integer(ctx, "limit", 100, 1, 500);
                    List<Map<String, Object>> proposals = transactions.run(ctx, w -> reads.proposals(w, status, limit));
                    Replies.json(ctx, Map.of("proposals", proposals, "count", proposals.size()));
                },
                Access.STAFF);
        config.routes.post("/api/v1/sop-proposals/{id}/approve", ctx -> decide(ctx, "approve"), Access.STAFF);
        config.routes.post("/api/v1/sop-proposals/{id}/reject", ctx -> decide(ctx, "reject"), Access.STAFF);
        // A person found a decision that took effect alone wrong: the evidence threshold calibration reads.
        config.routes.post(
                "/api/v1/decisions/{event_id}/override",
                ctx -> {
                    UUID decision = Query.uuid("event_id", ctx.pathParam("event_id"));
                    Body body = Body.of(ctx, Set.of("overridden_by", "reason"));
                    RecordedEvent overridden = transactions.run(
                            ctx,
                            w -> ops.decisionOverrides()
                                    .override(w, decision, body.requiredText("overridden_by"), body.text("reason")));
                    Replies.json(ctx, 201, EventView.of(overridden));
                },
                Access.STAFF);
        config.routes.post(
                "/api/v1/sops/{id}/revert",
                ctx -> {
                    String by = Body.of(ctx, Set.of("reverted_by")).requiredText("reverted_by");
                    SopVersion reverted =
                            transactions.run(ctx, w -> ops.improvement().revert(w, ctx.pathParam("id"), by));
                    Replies.json(ctx, 201, SopVersionView.of(reverted, false));
                },
                Access.ADMIN);
    }

    private void signals(Context ctx, String kind) {
        boolean all = "true".equals(Query.text(ctx, "include_acknowledged"));
        int limit = Query.integer(ctx, "limit", 100, 1, 500);
        List<Map<String, Object>> signals = transactions.run(ctx, w -> reads.signals(w, kind, all, limit));
        Replies.json(ctx, Map.of("signals", signals, "count", signals.size()));
    }

    private void acknowledge(Context ctx) {
        UUID id = Query.uuid("id", ctx.pathParam("id"));
        String by = Body.of(ctx, Set.of("acknowledged_by")).requiredText("acknowledged_by");
        RecordedEvent ack = transactions.run(ctx, w -> ops.improvement().acknowledge(w, id, by));
        Replies.json(ctx, 201, Envelope.of(ack));
    }

    private void decide(Context ctx, String decision) {
        UUID id = Query.uuid("id", ctx.pathParam("id"));
        Body body = Body.of(ctx, Set.of("decided_by", "notes"));
        DecisionCommand command =
                DecisionCommand.parse(decision, Deciders.name(ctx, body.text("decided_by")), body.text("notes"), null);
        Approval decided = transactions.run(ctx, w -> {
            Map<String, Object> proposal =
                    reads.proposal(w, id).orElseThrow(() -> new NotFoundException("no SOP proposal " + id));
            Object approval = proposal.get("approval_id");
            if (approval == null) {
                throw new InvalidInputException(
                        "id",
                        "SOP proposal " + id + " was approved automatically (" + proposal.get("mechanism")
                                + "): there is nothing to decide; revert the SOP instead");
            }
            return Deciders.decide(ops.approvals(), w, ctx, (UUID) approval, command);
        });
        Replies.json(ctx, Map.of("approval", ApprovalView.of(decided)));
    }

    private static String choice(Context ctx, String name, Set<String> allowed) {
        String value = Query.text(ctx, name);
        if (value != null && !allowed.contains(value)) {
            throw new InvalidInputException(
                    name, name + " must be one of " + allowed.stream().sorted().toList() + ", was '" + value + "'");
        }
        return value;
    }
}

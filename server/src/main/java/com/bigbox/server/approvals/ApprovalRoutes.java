package com.bigbox.server.approvals;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.ApprovalService;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/approvals}: the queue (list and filter), one approval with its comments and audit trail,
 * and the work on it: decide, assign, ask, comment, remind, decide in bulk. A decision on an approval that
 * is no longer pending answers 409.
 */
public final class ApprovalRoutes implements HttpModule {
    private final RequestTransactions transactions;
    private final ApprovalService approvals;

    public ApprovalRoutes(RequestTransactions transactions, ApprovalService approvals) {
        this.transactions = transactions;
        this.approvals = approvals;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/api/v1/approvals", this::list, Access.STAFF);
        config.routes.get(
                "/api/v1/approvals/stats",
                ctx -> Replies.json(ctx, transactions.run(ctx, approvals::stats)),
                Access.STAFF);
        config.routes.post("/api/v1/approvals/bulk", this::bulk, Access.STAFF);
        config.routes.get("/api/v1/approvals/{id}", this::one, Access.STAFF);
        config.routes.post("/api/v1/approvals/{id}/decision", this::decide, Access.STAFF);
        config.routes.post("/api/v1/approvals/{id}/assign", this::assign, Access.STAFF);
        config.routes.post("/api/v1/approvals/{id}/request-info", this::requestInfo, Access.STAFF);
        config.routes.post("/api/v1/approvals/{id}/comments", this::comment, Access.STAFF);
        config.routes.get(
                "/api/v1/approvals/{id}/comments",
                ctx -> Replies.json(ctx, transactions.run(ctx, w -> approvals.comments(w, id(ctx)))),
                Access.STAFF);
        config.routes.post("/api/v1/approvals/{id}/remind", this::remind, Access.STAFF);
        config.routes.get(
                "/api/v1/approvals/{id}/audit",
                ctx -> Replies.json(
                        ctx,
                        transactions.run(ctx, w -> approvals.audit(w, id(ctx))).stream()
                                .map(AuditView::of)
                                .toList()),
                Access.STAFF);
    }

    static UUID id(Context ctx) {
        return Query.uuid("id", ctx.pathParam("id"));
    }

    public static ApprovalFilter filter(Context ctx) {
        return new ApprovalFilter(
                Query.text(ctx, "status"),
                Query.text(ctx, "agent_id"),
                Query.text(ctx, "action_class"),
                Query.text(ctx, "assigned_role"),
                Query.text(ctx, "assigned_to"),
                Query.text(ctx, "priority"),
                Query.text(ctx, "client_id"),
                Query.number(ctx, "max_confidence"),
                Query.text(ctx, "decision_event_type"),
                Query.integer(ctx, "limit", 100, 1, ApprovalFilter.MAX_LIMIT),
                Query.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE));
    }

    private void list(Context ctx) {
        ApprovalFilter filter = filter(ctx);
        ctx.json(transactions.run(ctx, w -> approvals.list(w, filter)).stream()
                .map(ApprovalView::of)
                .toList());
    }

    private void one(Context ctx) {
        UUID id = id(ctx);
        Replies.json(ctx, transactions.run(ctx, w -> {
            var body = new LinkedHashMap<String, Object>();
            body.put("approval", ApprovalView.of(approvals.get(w, id)));
            body.put("comments", approvals.comments(w, id));
            body.put("audit", approvals.audit(w, id).stream().map(AuditView::of).toList());
            return body;
        }));
    }

    static DecisionCommand command(Context ctx, Body body) {
        return DecisionCommand.parse(
                body.text("decision"),
                Deciders.name(ctx, body.text("decided_by")),
                body.text("notes"),
                body.map("modifications"));
    }

    private void decide(Context ctx) {
        UUID id = id(ctx);
        DecisionCommand command =
                command(ctx, Body.of(ctx, Set.of("decision", "decided_by", "notes", "modifications")));
        Approval decided = transactions.run(ctx, w -> Deciders.decide(approvals, w, ctx, id, command));
        ctx.json(ApprovalView.of(decided));
    }

    private void bulk(Context ctx) {
        Body body = Body.of(ctx, Set.of("filter", "decision", "decided_by", "notes"));
        DecisionCommand command = command(ctx, body);
        Body f = body.object("filter");
        var filter = new ApprovalFilter(
                "pending",
                f.text("agent_id"),
                f.text("action_class"),
                f.text("assigned_role"),
                f.text("assigned_to"),
                f.text("priority"),
                f.text("client_id"),
                f.number("max_confidence"),
                f.text("decision_event_type"),
                f.integer("limit") == null ? 100 : f.integer("limit"),
                0);
        Replies.json(ctx, transactions.run(ctx, w -> Deciders.bulk(approvals, w, ctx, filter, command)));
    }

    private void assign(Context ctx) {
        UUID id = id(ctx);
        Body body = Body.of(ctx, Set.of("role", "user", "assigned_by"));
        String role = body.text("role");
        String user = body.text("user");
        String by = body.requiredText("assigned_by");
        ctx.json(ApprovalView.of(transactions.run(ctx, w -> approvals.assign(w, id, role, user, by))));
    }

    private void requestInfo(Context ctx) {
        UUID id = id(ctx);
        Body body = Body.of(ctx, Set.of("requested_by", "question"));
        String by = body.requiredText("requested_by");
        String question = body.requiredText("question");
        ctx.json(ApprovalView.of(transactions.run(ctx, w -> approvals.requestInfo(w, id, by, question))));
    }

    private void comment(Context ctx) {
        UUID id = id(ctx);
        Body body = Body.of(ctx, Set.of("author", "body"));
        String author = body.requiredText("author");
        String text = body.requiredText("body");
        Replies.json(ctx, 201, transactions.run(ctx, w -> approvals.comment(w, id, author, text)));
    }

    private void remind(Context ctx) {
        UUID id = id(ctx);
        String by = Body.of(ctx, Set.of("reminded_by")).requiredText("reminded_by");
        ctx.json(ApprovalView.of(transactions.run(ctx, w -> approvals.remind(w, id, by))));
    }
}

package com.bigbox.server.compat;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.postgres.autonomic.PgCompatReads;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.approvals.ApprovalRoutes;
import com.bigbox.server.approvals.ApprovalView;
import com.bigbox.server.approvals.Deciders;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The original's human-in-the-loop paths: {@code /api/approvals} (list, {@code /:id/resolve},
 * {@code /stats}), {@code /api/ceo/...} (interrupts, decisions, automation report, system health) and
 * {@code /api/oversight/...} (stats, decisions), over the same approval service.
 */
public final class CompatApprovalRoutes implements HttpModule {
    private static final Map<String, Duration> PERIODS =
            Map.of("week", Duration.ofDays(7), "month", Duration.ofDays(30), "quarter", Duration.ofDays(91));

    private final RequestTransactions transactions;
    private final AutonomicOperations ops;
    private final PgCompatReads reads;
    private final CompatAgentRoutes agents;

    public CompatApprovalRoutes(
            RequestTransactions transactions, AutonomicOperations ops, PgCompatReads reads, CompatAgentRoutes agents) {
        this.transactions = transactions;
        this.ops = ops;
        this.reads = reads;
        this.agents = agents;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get(
                "/api/approvals",
                ctx -> {
                    ApprovalFilter filter = ApprovalRoutes.filter(ctx);
                    List<ApprovalView> approvals = transactions
                            .run(ctx, w -> ops.approvals().list(w, filter))
                            .stream()
                            .map(ApprovalView::of)
                            .toList();
                    Replies.json(ctx, Map.of("approvals", approvals, "count", approvals.size()));
                },
                Access.STAFF);
        config.routes.get(
                "/api/approvals/stats",
                ctx -> Replies.json(
                        ctx, transactions.run(ctx, w -> ops.approvals().stats(w))),
                Access.STAFF);
        config.routes.post("/api/approvals/{id}/resolve", this::resolve, Access.STAFF);
        config.routes.get("/api/ceo/interrupts", this::interrupts, Access.ADMIN);
        config.routes.post("/api/ceo/decisions/{id}", this::resolve, Access.CEO_ONLY);
        config.routes.get("/api/ceo/automation-report", this::report, Access.ADMIN);
        config.routes.get("/api/ceo/system-health", this::systemHealth, Access.ADMIN);
        config.routes.get("/api/oversight/stats", this::oversightStats, Access.STAFF);
        config.routes.get("/api/oversight/decisions", this::oversightDecisions, Access.STAFF);
    }

    // {"decision": "approved"|"rejected"|"modified", "notes": "...", "modifications": {...}}; a user decides as
    // themselves, only the service key names the person ("resolved_by") it acts for.
    private void resolve(Context ctx) {
        UUID id = Query.uuid("id", ctx.pathParam("id"));
        Body body = Body.of(
                ctx,
                Set.of(
                        "decision",
                        "status",
                        "resolved_by",
                        "decided_by",
                        "notes",
                        "resolution_notes",
                        "modifications"));
        String decision = body.text("decision") != null ? body.text("decision") : body.text("status");
        String by = Deciders.name(
                ctx, body.text("resolved_by") != null ? body.text("resolved_by") : body.text("decided_by"));
        if (by == null) {
            throw ApiException.badRequest("resolved_by", "resolved_by is required: the person deciding");
        }
        String notes = body.text("notes") != null ? body.text("notes") : body.text("resolution_notes");
        DecisionCommand command = DecisionCommand.parse(decision, by, notes, body.map("modifications"));
        Approval decided = transactions.run(ctx, w -> Deciders.decide(ops.approvals(), w, ctx, id, command));
        Replies.json(ctx, Map.of("approval", ApprovalView.of(decided)));
    }

    private void interrupts(Context ctx) {
        var filter = new ApprovalFilter(
                Query.text(ctx, "status") == null ? "pending" : Query.text(ctx, "status"),
                null,
                ActionClasses.CEO_DECISION,
                null,
                null,
                null,
                null,
                null,
                null,
                200,
                0);
        List<ApprovalView> interrupts = transactions
                .run(ctx, w -> ops.approvals().list(w, filter))
                .stream()
                .map(ApprovalView::of)
                .toList();
        Replies.json(ctx, Map.of("interrupts", interrupts, "count", interrupts.size()));
    }

    private void report(Context ctx) {
        String period = Query.text(ctx, "period") == null ? "week" : Query.text(ctx, "period");
        Duration span = PERIODS.get(period);
        if (span == null) {
            throw ApiException.badRequest("period", "period must be week, month or quarter");
        }
        Instant to = ops.clock().instant();
        Instant from = to.minus(span);
        Replies.json(ctx, transactions.run(ctx, w -> {
            Map<String, Object> figures = reads.report(w, from, to);
            long autonomous = ((Number) figures.get("autonomous_decisions")).longValue();
            long human = ((Number) figures.get("human_approvals")).longValue()
                    + ((Number) figures.get("ceo_interrupts")).longValue();
            var report = new LinkedHashMap<String, Object>();
            report.put("period", period);
            report.put("from", from);
            report.put("to", to);
            report.putAll(figures);
            report.put(
                    "automation_rate",
                    autonomous + human == 0 ? null : Math.round(100.0 * autonomous / (autonomous + human)) / 100.0);
            report.put("human_hours_saved", autonomous * 0.25);
            return report;
        }));
    }

    private void systemHealth(Context ctx) {
        Replies.json(ctx, transactions.run(ctx, w -> {
            var stats = ops.approvals().stats(w);
            var health = new LinkedHashMap<String, Object>();
            var agentHealth = agents.health(w);
            health.put(
                    "status",
                    Boolean.TRUE.equals(agentHealth.get("healthy")) && stats.overdue() == 0 ? "healthy" : "degraded");
            health.put("agents", agentHealth.get("agents"));
            health.put("approvals", stats);
            health.put("events", reads.stats(w, ops.clock().instant()));
            return health;
        }));
    }

    private void oversightStats(Context ctx) {
        Replies.json(ctx, transactions.run(ctx, w -> {
            Map<String, Object> figures =
                    reads.report(w, Instant.EPOCH, ops.clock().instant().plus(Duration.ofDays(3650)));
            var stats = new LinkedHashMap<String, Object>();
            stats.put("executed_autonomously", figures.get("autonomous_decisions"));
            stats.put("sent_to_humans", figures.get("human_approvals"));
            stats.put("ceo_interrupts", figures.get("ceo_interrupts"));
            stats.put("by_rule", reads.approvalsByRule(w));
            stats.put("approvals", ops.approvals().stats(w));
            return stats;
        }));
    }

    private void oversightDecisions(Context ctx) {
        int limit = Query.integer(ctx, "limit", 100, 1, 1000);
        var q = new PgCompatReads.EventQuery(
                List.of(
                        EventTypes.AUTONOMIC_DECISION_EXECUTED,
                        EventTypes.HUMAN_APPROVAL_REQUESTED,
                        EventTypes.CEO_INTERRUPT_REQUIRED),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                limit);
        List<Envelope> decisions = Envelope.all(transactions.run(ctx, w -> reads.events(w, q)));
        Replies.json(ctx, Map.of("decisions", decisions, "count", decisions.size()));
    }
}

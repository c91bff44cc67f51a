package com.bigbox.server.compat;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.ApprovalFilter;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.postgres.autonomic.PgCompatReads;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.approvals.ApprovalView;
import com.bigbox.server.approvals.Deciders;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The original's {@code /api/sop/...} (definitions, executions, proposals with approve/reject: proposals
 * are approvals of class {@code sop_change} or {@code sop_automation}) and {@code /api/drift/...} (alerts are the drift events;
 * acknowledging one appends {@code DRIFT_ALERT_ACKNOWLEDGED}).
 */
public final class CompatSopRoutes implements HttpModule {
    // A proposal that automates work people do waits 48 h for an objection (sop_automation); others are sop_change.
    private static final List<String> PROPOSAL_CLASSES =
            List.of(ActionClasses.SOP_CHANGE, ActionClasses.SOP_AUTOMATION);

    private final RequestTransactions transactions;
    private final AutonomicOperations ops;
    private final PgCompatReads reads;

    public CompatSopRoutes(RequestTransactions transactions, AutonomicOperations ops, PgCompatReads reads) {
        this.transactions = transactions;
        this.ops = ops;
        this.reads = reads;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/api/sop/definitions", this::definitions, Access.STAFF);
        config.routes.get("/api/sop/executions", this::executions, Access.STAFF);
        config.routes.get("/api/sop/proposals", this::proposals, Access.STAFF);
        config.routes.post("/api/sop/proposals/{id}/approve", ctx -> decideProposal(ctx, "approve"), Access.STAFF);
        config.routes.post("/api/sop/proposals/{id}/reject", ctx -> decideProposal(ctx, "reject"), Access.STAFF);
        config.routes.get(
                "/api/drift/alerts", ctx -> Replies.json(ctx, transactions.run(ctx, this::alerts)), Access.STAFF);
        config.routes.post("/api/drift/alerts/{id}/acknowledge", this::acknowledge, Access.STAFF);
        config.routes.get("/api/drift/summary", this::driftSummary, Access.STAFF);
    }

    private void definitions(Context ctx) {
        Replies.json(
                ctx,
                Map.of(
                        "definitions",
                        transactions.run(ctx, w -> ops.sops().activeVersions(w)).stream()
                                .map(v -> {
                                    var d = new LinkedHashMap<String, Object>();
                                    d.put("sop_id", v.sopId());
                                    d.put("version", v.version());
                                    d.put("approval_mechanism", v.approvalMechanism());
                                    d.put("activated_at", v.activatedAt());
                                    d.put("definition", com.bigbox.autonomic.events.EventCodec.tree(v.definition()));
                                    return d;
                                })
                                .toList()));
    }

    private void executions(Context ctx) {
        int limit = Query.integer(ctx, "limit", 100, 1, 500);
        Replies.json(
                ctx,
                Map.of(
                        "executions",
                        transactions.run(
                                ctx,
                                w -> ops.sops()
                                        .executions(w, Query.text(ctx, "sop_id"), Query.text(ctx, "status"), limit))));
    }

    private void proposals(Context ctx) {
        String status = Query.text(ctx, "status");
        List<ApprovalView> proposals = transactions.run(
                ctx,
                w -> PROPOSAL_CLASSES.stream()
                        .flatMap(c -> ops
                                .approvals()
                                .list(
                                        w,
                                        new ApprovalFilter(status, null, c, null, null, null, null, null, null, 200, 0))
                                .stream())
                        .map(ApprovalView::of)
                        .toList());
        Replies.json(ctx, Map.of("proposals", proposals, "count", proposals.size()));
    }

    private void driftSummary(Context ctx) {
        Replies.json(ctx, transactions.run(ctx, w -> {
            var summary = new LinkedHashMap<String, Object>();
            List<Map<String, Object>> alerts = alerts(w).get("alerts");
            summary.put("total", alerts.size());
            summary.put(
                    "unacknowledged",
                    alerts.stream()
                            .filter(a -> !Boolean.TRUE.equals(a.get("acknowledged")))
                            .count());
            var byType = new LinkedHashMap<String, Long>();
            alerts.forEach(a -> byType.merge(((Envelope) a.get("alert")).event_type(), 1L, Long::sum));
            summary.put("by_type", byType);
            return summary;
        }));
    }

    private void decideProposal(Context ctx, String decision) {
        UUID id = Query.uuid("id", ctx.pathParam("id"));
        Body body = Body.of(ctx, Set.of("decided_by", "notes"));
        DecisionCommand command =
                DecisionCommand.parse(decision, Deciders.name(ctx, body.text("decided_by")), body.text("notes"), null);
        Approval decided = transactions.run(ctx, w -> {
            Approval proposal = ops.approvals().get(w, id);
            if (!PROPOSAL_CLASSES.contains(proposal.actionClass())) {
                throw new com.bigbox.autonomic.NotFoundException("no SOP proposal " + id);
            }
            return Deciders.decide(ops.approvals(), w, ctx, id, command);
        });
        Replies.json(ctx, Map.of("proposal", ApprovalView.of(decided)));
    }

    private Map<String, List<Map<String, Object>>> alerts(com.bigbox.core.UnitOfWork w) {
        List<RecordedEvent> alerts = reads.events(
                w,
                new PgCompatReads.EventQuery(
                        EventTypes.DRIFT_ALERTS, null, null, null, null, null, null, null, null, 1000));
        Set<String> acknowledged = new HashSet<>();
        reads.events(
                        w,
                        new PgCompatReads.EventQuery(
                                List.of(EventTypes.DRIFT_ALERT_ACKNOWLEDGED),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                1000))
                .forEach(a -> acknowledged.add(String.valueOf(a.causationId())));
        return Map.of(
                "alerts",
                alerts.stream()
                        .map(e -> {
                            var item = new LinkedHashMap<String, Object>();
                            item.put("alert", Envelope.of(e));
                            item.put(
                                    "acknowledged",
                                    acknowledged.contains(e.eventId().toString()));
                            return (Map<String, Object>) item;
                        })
                        .toList());
    }

    private void acknowledge(Context ctx) {
        UUID id = Query.uuid("id", ctx.pathParam("id"));
        String by = Body.of(ctx, Set.of("acknowledged_by")).requiredText("acknowledged_by");
        RecordedEvent ack = transactions.run(ctx, w -> {
            RecordedEvent alert = w.find(id).orElseThrow(() -> ApiException.notFound("no drift alert " + id));
            if (!EventTypes.DRIFT_ALERTS.contains(alert.type())) {
                throw ApiException.notFound("event " + id + " is a " + alert.type() + ", not a drift alert");
            }
            NewEvent event = NewEvent.of(EventTypes.DRIFT_ALERT_ACKNOWLEDGED, "{\"alert_id\": \"" + id + "\"}")
                    .emittedBy(by)
                    .correlatedWith(alert.correlationId())
                    .causedBy(alert.eventId())
                    .at(ops.clock().instant());
            return w.append(alert.stream(), ExpectedVersion.any(), event)
                    .events()
                    .getFirst();
        });
        Replies.json(ctx, 201, Envelope.of(ack));
    }
}

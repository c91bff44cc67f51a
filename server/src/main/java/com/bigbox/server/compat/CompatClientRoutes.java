package com.bigbox.server.compat;

import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.postgres.autonomic.PgAutonomicReads;
import com.bigbox.postgres.autonomic.PgCompatReads;
import com.bigbox.server.HttpModule;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's client paths ({@code /api/clients/:id/signals|trust-score|projects|timeline}, the
 * "Client Autonomy Mirror") and {@code /api/projections/client-health}.
 */
public final class CompatClientRoutes implements HttpModule {
    static final List<String> SIGNALS = List.of(
            EventTypes.RISK_DETECTED,
            EventTypes.CLIENT_FEEDBACK_RECEIVED,
            EventTypes.PROJECT_AT_RISK,
            EventTypes.PAYMENT_REMINDER_SENT,
            EventTypes.CLIENT_ATTENTION_DECAY);

    private final RequestTransactions transactions;
    private final PgAutonomicReads reads;
    private final PgCompatReads compat;

    public CompatClientRoutes(RequestTransactions transactions, PgAutonomicReads reads, PgCompatReads compat) {
        this.transactions = transactions;
        this.reads = reads;
        this.compat = compat;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/api/clients/{id}/signals", ctx -> events(ctx, "signals", SIGNALS), Access.SIGNED_IN);
        config.routes.get("/api/clients/{id}/timeline", ctx -> events(ctx, "timeline", List.of()), Access.SIGNED_IN);
        config.routes.get(
                "/api/clients/{id}/projects",
                ctx -> {
                    String id = ctx.pathParam("id");
                    Replies.json(
                            ctx,
                            Map.of("client_id", id, "projects", transactions.run(ctx, w -> compat.projects(w, id))));
                },
                Access.SIGNED_IN);
        config.routes.get("/api/clients/{id}/trust-score", this::trust, Access.SIGNED_IN);
        config.routes.get(
                "/api/projections/client-health",
                ctx -> Replies.json(
                        ctx,
                        Map.of(
                                "clients",
                                transactions.run(ctx, w -> reads.clientHealth(w, Query.text(ctx, "status"), 5000)))),
                Access.STAFF);
        config.routes.get(
                "/api/projections/client-health/{id}",
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

    private void events(Context ctx, String name, List<String> types) {
        String id = ctx.pathParam("id");
        int limit = Query.integer(ctx, "limit", 200, 1, 1000);
        var q = new PgCompatReads.EventQuery(types, null, null, null, null, id, null, null, null, limit);
        List<Envelope> events = Envelope.all(transactions.run(ctx, w -> compat.events(w, q)));
        Replies.json(ctx, Map.of("client_id", id, name, events, "count", events.size()));
    }

    // The Client Autonomy Mirror: trust score, automation rate, proactive interventions, on-time share.
    private void trust(Context ctx) {
        String id = ctx.pathParam("id");
        Replies.json(ctx, transactions.run(ctx, w -> {
            Map<String, Object> health = reads.clientHealth(w, id)
                    .orElseThrow(() -> new NotFoundException("no health record for client '" + id + "'"));
            Map<String, Object> onTime = compat.onTime(w, id);
            long completed = ((Number) onTime.get("completed")).longValue();
            var mirror = new LinkedHashMap<String, Object>();
            mirror.put("client_id", id);
            mirror.put("trust_score", health.get("trust_score"));
            mirror.put("health_status", health.get("health_status"));
            mirror.put("automation_rate", health.get("automation_rate"));
            mirror.put("proactive_interventions", health.get("proactive_interventions"));
            mirror.put(
                    "on_time_share",
                    completed == 0
                            ? null
                            : Math.round(100.0 * ((Number) onTime.get("on_time")).longValue() / completed) / 100.0);
            mirror.put("reasons", health.get("health_reasons"));
            return mirror;
        }));
    }
}

package com.bigbox.server.compat;

import com.bigbox.autonomic.events.EventCatalogue;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.core.Confidence;
import com.bigbox.core.EventBus;
import com.bigbox.core.EventFilter;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.Registration;
import com.bigbox.core.StreamId;
import com.bigbox.core.Wakeup;
import com.bigbox.postgres.autonomic.PgCompatReads;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.Json;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.approvals.ApprovalView;
import com.bigbox.server.auth.Access;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The original engine's event paths: {@code POST /api/events} with {@code entity_type}/{@code entity_id},
 * {@code /api/events/query}, {@code /:id}, {@code /entity/:type/:id}, {@code /human-queue}, {@code /stats}
 * and {@code /stream} (Server-Sent Events of envelopes). A posted event without a correlation continues
 * its entity's flow.
 */
public final class CompatEventRoutes implements HttpModule {
    static final Set<String> POST_FIELDS = Set.of(
            "event_id",
            "event_type",
            "entity_type",
            "entity_id",
            "payload",
            "confidence",
            "emitted_by",
            "requires_human",
            "metadata",
            "created_at");
    static final Set<String> QUERY_FIELDS = Set.of(
            "event_types",
            "event_type",
            "entity_type",
            "entity_id",
            "emitted_by",
            "correlation_id",
            "client_id",
            "from",
            "to",
            "min_confidence",
            "limit");
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final RequestTransactions transactions;
    private final EventBus bus;
    private final AutonomicOperations ops;
    private final PgCompatReads reads;
    private final ObjectMapper json = Json.mapper();

    public CompatEventRoutes(
            RequestTransactions transactions, EventBus bus, AutonomicOperations ops, PgCompatReads reads) {
        this.transactions = transactions;
        this.bus = bus;
        this.ops = ops;
        this.reads = reads;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post("/api/events", this::append, Access.SIGNED_IN);
        config.routes.post("/api/events/query", this::query, Access.SIGNED_IN);
        config.routes.get("/api/events/human-queue", this::humanQueue, Access.STAFF);
        config.routes.get(
                "/api/events/stats",
                ctx -> Replies.json(
                        ctx,
                        transactions.run(ctx, w -> reads.stats(w, ops.clock().instant()))),
                Access.STAFF);
        config.routes.get("/api/events/stream", this::stream, Access.SIGNED_IN);
        config.routes.get("/api/events/entity/{type}/{id}", this::entity, Access.SIGNED_IN);
        config.routes.get(
                "/api/events/{id}",
                ctx -> {
                    UUID id = Query.uuid("id", ctx.pathParam("id"));
                    Replies.json(
                            ctx,
                            Envelope.of(transactions
                                    .run(ctx, w -> w.find(id))
                                    .orElseThrow(() -> ApiException.notFound("no event " + id))));
                },
                Access.SIGNED_IN);
    }

    private void append(Context ctx) {
        Body body = Body.of(ctx, POST_FIELDS);
        String type = body.requiredText("event_type");
        if (!EventCatalogue.isDeclared(type)) {
            throw ApiException.badRequest(
                    "event_type", "event_type '" + type + "' is not in the catalogue (GET /api/v1/event-types)");
        }
        StreamId stream;
        try {
            stream = new StreamId(body.requiredText("entity_type"), body.requiredText("entity_id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("entity_id", e.getMessage());
        }
        String payload = body.objectJson("payload");
        if (payload == null) {
            throw ApiException.badRequest("payload", "payload is required (a JSON object)");
        }
        Body meta = body.object("metadata");
        String metaJson = body.objectJson("metadata");
        ObjectNode metadata = metaJson == null ? json.createObjectNode() : (ObjectNode) EventCodec.tree(metaJson);
        UUID correlation = uuid(meta.text("correlation_id"), "metadata.correlation_id");
        UUID causation = uuid(meta.text("causation_id"), "metadata.causation_id");
        metadata.remove(List.of("correlation_id", "causation_id", "version"));
        if (Boolean.TRUE.equals(body.bool("requires_human"))) {
            metadata.put("requires_human", true);
        }
        Double confidence = body.number("confidence");
        String created = body.text("created_at");
        Instant at = created == null ? ops.clock().instant() : parseInstant(created);
        UUID id = body.text("event_id") == null ? UUID.randomUUID() : uuid(body.text("event_id"), "event_id");
        var event = new NewEvent(
                id,
                type,
                payload,
                metadata.toString(),
                correlation,
                causation,
                body.text("emitted_by") == null ? "api" : body.text("emitted_by"),
                confidence == null ? null : Confidence.of(confidence),
                at);
        StreamId target = stream;
        var result = transactions.run(
                ctx, w -> w.append(target, ExpectedVersion.any(), List.of(Flows.continuing(w, target, event))));
        Replies.json(
                ctx, result.duplicate() ? 200 : 201, Envelope.of(result.events().getFirst()));
    }

    private void query(Context ctx) {
        Body body = Body.of(ctx, QUERY_FIELDS);
        List<String> types = body.strings("event_types");
        if (body.text("event_type") != null) {
            types = List.of(body.text("event_type"));
        }
        Integer limit = body.integer("limit");
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw ApiException.badRequest("limit", "limit must be between 1 and 1000");
        }
        var q = new PgCompatReads.EventQuery(
                types,
                body.text("entity_type"),
                body.text("entity_id"),
                body.text("emitted_by"),
                uuid(body.text("correlation_id"), "correlation_id"),
                body.text("client_id"),
                instant(body, "from"),
                instant(body, "to"),
                body.decimal("min_confidence"),
                limit == null ? 100 : limit);
        List<Envelope> events = Envelope.all(transactions.run(ctx, w -> reads.events(w, q)));
        Replies.json(ctx, Map.of("events", events, "count", events.size()));
    }

    private void entity(Context ctx) {
        StreamId stream;
        try {
            stream = new StreamId(ctx.pathParam("type"), ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("entity", e.getMessage());
        }
        List<Envelope> events = Envelope.all(transactions.run(ctx, w -> w.readStream(stream, 1)));
        if (events.isEmpty()) {
            throw ApiException.notFound("no events for " + stream);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("entity_type", stream.type());
        body.put("entity_id", stream.id());
        body.put("events", events);
        body.put("count", events.size());
        Replies.json(ctx, body);
    }

    // What waits for a person: the pending approvals, most urgent first, with the decision they hold.
    private void humanQueue(Context ctx) {
        Replies.json(ctx, transactions.run(ctx, w -> {
            var queue = ops
                    .approvals()
                    .list(
                            w,
                            com.bigbox.autonomic.approvals.ApprovalFilter.pending()
                                    .withLimit(500))
                    .stream()
                    .map(a -> {
                        var item = new LinkedHashMap<String, Object>();
                        item.put("approval", ApprovalView.of(a));
                        item.put("event", w.find(a.eventId()).map(Envelope::of).orElse(null));
                        return item;
                    })
                    .toList();
            return Map.of("queue", queue, "count", queue.size());
        }));
    }

    private void stream(Context ctx) throws IOException, InterruptedException {
        Position cursor = transactions.run(ctx, w -> w.head());
        var wakeup = new Wakeup();
        ctx.res().setStatus(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        OutputStream out = ctx.res().getOutputStream();
        Registration wakeups = bus.subscribe(EventFilter.all(), e -> wakeup.signal());
        try {
            write(out, ": connected\n\n");
            while (true) {
                Position from = cursor;
                List<RecordedEvent> batch = transactions.run(ctx, w -> w.readAll(from, 500));
                for (RecordedEvent e : batch) {
                    write(
                            out,
                            "id: " + e.globalPosition() + "\nevent: " + e.type() + "\ndata: "
                                    + json.writeValueAsString(Envelope.of(e)) + "\n\n");
                    cursor = e.position();
                }
                if (batch.size() < 500 && !wakeup.await(KEEP_ALIVE)) {
                    write(out, ": keep-alive\n\n");
                }
            }
        } catch (IOException gone) {
            // the client went away
        } finally {
            wakeups.close();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static UUID uuid(String text, String field) {
        return text == null ? null : Query.uuid(field, text);
    }

    private static Instant instant(Body body, String field) {
        String text = body.text(field);
        return text == null ? null : parseInstant(text, field);
    }

    private static Instant parseInstant(String text) {
        return parseInstant(text, "created_at");
    }

    private static Instant parseInstant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be an ISO-8601 instant such as 2026-01-31T09:30:00Z");
        }
    }
}

package com.bigbox.server.events;

import com.bigbox.core.EventBus;
import com.bigbox.core.Position;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.Json;
import com.bigbox.server.RequestTransactions;
import com.bigbox.server.auth.Access;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The engine's event API: append, read the global order, read one aggregate's stream, and follow
 * new events as Server-Sent Events.
 */
public final class EventRoutes implements HttpModule {
    static final int MAX_LIMIT = 1_000;

    private final RequestTransactions transactions;
    private final EventBus bus;
    private final ObjectMapper json = Json.mapper();

    public EventRoutes(RequestTransactions transactions, EventBus bus) {
        this.transactions = transactions;
        this.bus = bus;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post("/api/v1/events", this::append, Access.SIGNED_IN);
        config.routes.get("/api/v1/events", this::list, Access.SIGNED_IN);
        config.routes.get(
                "/api/v1/events/stream",
                ctx -> new EventStream(transactions, bus, json).serve(ctx, resumeAfter(ctx)),
                Access.SIGNED_IN);
        config.routes.get("/api/v1/events/{id}", this::one, Access.SIGNED_IN);
        config.routes.get("/api/v1/aggregates/{type}/{id}/events", this::stream, Access.SIGNED_IN);
    }

    private void append(Context ctx) {
        AppendRequest request = AppendRequest.parse(json, ctx.body());
        var result = transactions.run(ctx, work -> work.append(request.stream(), request.expected(), request.event()));
        ctx.status(result.duplicate() ? 200 : 201)
                .json(EventView.of(result.events().getFirst()));
    }

    private void list(Context ctx) {
        long after = longParam(ctx, "after", 0);
        int limit = (int) Math.min(longParam(ctx, "limit", 100), MAX_LIMIT);
        if (limit < 1) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        Set<String> types = new LinkedHashSet<>();
        ctx.queryParams("type").forEach(t -> types.addAll(Arrays.asList(t.split(","))));
        ctx.json(transactions.run(
                ctx,
                work -> work.readAll(position(work, after), limit, types).stream()
                        .map(EventView::of)
                        .toList()));
    }

    private void one(Context ctx) {
        var id = EventIds.parse(ctx.pathParam("id"));
        ctx.json(transactions
                .run(ctx, work -> work.find(id))
                .map(EventView::of)
                .orElseThrow(() -> ApiException.notFound("no event " + id)));
    }

    private void stream(Context ctx) {
        StreamId stream;
        try {
            stream = new StreamId(ctx.pathParam("type"), ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("aggregate", e.getMessage());
        }
        long from = longParam(ctx, "from", 0);
        var events = transactions.run(ctx, work -> work.readStream(stream, from));
        if (events.isEmpty() && from <= 1 && transactions.run(ctx, work -> work.version(stream)) == 0) {
            throw ApiException.notFound("aggregate " + stream + " has no events");
        }
        ctx.json(events.stream().map(EventView::of).toList());
    }

    /** {@code Last-Event-ID} (an EventSource reconnecting) wins over {@code ?after=}. */
    private static long resumeAfter(Context ctx) {
        String lastEventId = ctx.header("Last-Event-ID");
        if (lastEventId != null && !lastEventId.isBlank()) {
            return parseLong("Last-Event-ID", lastEventId.strip());
        }
        return longParam(ctx, "after", -1);
    }

    /** The full position of the event at {@code globalPosition}; 0 is the start of the log. */
    static Position position(UnitOfWork work, long globalPosition) {
        if (globalPosition == 0) {
            return Position.START;
        }
        return work.positionOf(globalPosition)
                .orElseThrow(() -> ApiException.badRequest("after", "no event has global position " + globalPosition));
    }

    private static long longParam(Context ctx, String name, long otherwise) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? otherwise : parseLong(name, value);
    }

    private static long parseLong(String name, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw ApiException.badRequest(name, name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number, was '" + value + "'");
        }
    }
}

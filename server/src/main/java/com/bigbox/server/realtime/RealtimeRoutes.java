package com.bigbox.server.realtime;

import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Access;
import com.bigbox.server.auth.Caller;
import com.bigbox.server.auth.TokenRejectedException;
import com.bigbox.server.auth.Tokens;
import com.bigbox.server.rest.Catalog;
import com.bigbox.server.rest.CatalogCache;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /realtime/v1/websocket}: the socket supabase-js's realtime client opens. It answers heartbeats,
 * joins ({@code phx_join} with {@code postgres_changes} bindings), leaves and token updates
 * ({@code access_token}); changes are pushed by the {@link RealtimeHub}. The socket's caller was verified
 * at the upgrade ({@code apikey} parameter); a channel acts as the join's {@code access_token} if given.
 */
public final class RealtimeRoutes implements HttpModule {
    private static final Logger log = LoggerFactory.getLogger(RealtimeRoutes.class);
    static final Set<String> TABLES = Set.of("events", "human_approvals", "sop_executions");
    static final Set<String> EVENTS = Set.of("INSERT", "UPDATE", "DELETE", "*");
    private static final String SOCKET = "bigbox.realtime.socket";

    private final RealtimeHub hub;
    private final Tokens tokens;
    private final CatalogCache catalogs;
    private final ObjectMapper json;
    private final int maxMessageBytes;
    private final AtomicInteger bindingIds = new AtomicInteger();
    private final Map<String, RealtimeSocket> sockets = new ConcurrentHashMap<>();

    /** @param maxMessageBytes the largest message a client may send; a larger one closes the socket (1009) */
    public RealtimeRoutes(
            RealtimeHub hub, Tokens tokens, CatalogCache catalogs, ObjectMapper json, int maxMessageBytes) {
        this.hub = hub;
        this.tokens = tokens;
        this.catalogs = catalogs;
        this.json = json;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.jetty.modifyWebSocketServletFactory(factory -> factory.setMaxTextMessageSize(maxMessageBytes));
        config.routes.ws(
                "/realtime/v1/websocket",
                ws -> {
                    ws.onConnect(this::connect);
                    ws.onMessage(this::message);
                    ws.onClose(ctx -> gone(ctx.sessionId()));
                    ws.onError(ctx -> gone(ctx.sessionId()));
                },
                Access.ANY_KEY);
    }

    private void connect(WsConnectContext ctx) {
        Caller caller = Caller.of(ctx).orElse(null);
        if (caller == null) {
            ctx.closeSession(1008, "No API key found in request");
            return;
        }
        Serializer serializer;
        try {
            serializer = Serializer.forVsn(ctx.queryParam("vsn"));
        } catch (IllegalArgumentException e) {
            ctx.closeSession(1003, e.getMessage());
            return;
        }
        ctx.enableAutomaticPings();
        var socket = new RealtimeSocket(ctx, serializer, json, caller);
        sockets.put(ctx.sessionId(), socket);
        hub.connected(socket);
        log.debug(
                "realtime socket {} connected as {} (vsn {})",
                ctx.sessionId(),
                caller.role().claim(),
                serializer);
    }

    private void gone(String sessionId) {
        RealtimeSocket socket = sockets.remove(sessionId);
        if (socket != null) {
            hub.disconnected(socket);
        }
    }

    private void message(WsMessageContext ctx) {
        RealtimeSocket socket = sockets.get(ctx.sessionId());
        if (socket == null) {
            return;
        }
        socket.lastSeenNanos = System.nanoTime();
        if (ctx.message().getBytes(StandardCharsets.UTF_8).length > maxMessageBytes) {
            ctx.closeSession(1009, "message larger than " + maxMessageBytes + " bytes");
            return;
        }
        PhoenixMessage message;
        try {
            message = socket.serializer().decode(json, ctx.message());
        } catch (Exception e) {
            socket.send(new PhoenixMessage(
                    null,
                    null,
                    "phoenix",
                    "phx_error",
                    json.createObjectNode().put("reason", "malformed message: " + e.getMessage())));
            return;
        }
        if (message.topic() == null || message.event() == null) {
            return;
        }
        switch (message.event()) {
            case "heartbeat" -> socket.reply(message, "ok", json.createObjectNode());
            case "phx_join" -> join(socket, message);
            case "phx_leave" -> leave(socket, message);
            case "access_token" -> accessToken(socket, message);
            default ->
                socket.reply(
                        message,
                        "error",
                        json.createObjectNode()
                                .put(
                                        "reason",
                                        "'" + message.event() + "' is not supported here; only postgres_changes"));
        }
    }

    private void join(RealtimeSocket socket, PhoenixMessage message) {
        if (!message.topic().startsWith("realtime:")) {
            socket.reply(message, "error", reason("topic must start with realtime:"));
            return;
        }
        Channel previous = socket.channels.remove(message.topic());
        if (previous != null) {
            hub.leave(previous);
        }
        Caller caller;
        List<Binding> bindings;
        try {
            caller = callerOf(socket, message.payload());
            bindings = bindings(message.payload().path("config").path("postgres_changes"));
        } catch (TokenRejectedException | IllegalArgumentException e) {
            socket.reply(message, "error", reason(e.getMessage()));
            return;
        }
        var channel = new Channel(
                socket,
                message.topic(),
                message.joinRef() != null ? message.joinRef() : message.ref(),
                bindings,
                caller);
        socket.channels.put(message.topic(), channel);
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("postgres_changes");
        for (Binding b : bindings) {
            ObjectNode item = list.addObject()
                    .put("id", b.id())
                    .put("event", b.event())
                    .put("schema", b.schema())
                    .put("table", b.table());
            if (b.filterText() != null) {
                item.put("filter", b.filterText());
            }
        }
        try {
            hub.join(channel, () -> socket.reply(message, "ok", response));
        } catch (RuntimeException e) {
            socket.channels.remove(message.topic());
            log.warn("Realtime join of {} failed: {}", message.topic(), e.getMessage());
            socket.reply(message, "error", reason("could not subscribe: " + e.getMessage()));
            return;
        }
        if (!bindings.isEmpty()) {
            socket.send(new PhoenixMessage(
                    channel.joinRef,
                    null,
                    message.topic(),
                    "system",
                    json.createObjectNode()
                            .put("channel", message.topic().substring("realtime:".length()))
                            .put("extension", "postgres_changes")
                            .put("message", "Subscribed to PostgreSQL")
                            .put("status", "ok")));
        }
    }

    private void leave(RealtimeSocket socket, PhoenixMessage message) {
        Channel channel = socket.channels.remove(message.topic());
        if (channel != null) {
            hub.leave(channel);
        }
        socket.reply(message, "ok", json.createObjectNode());
        socket.send(new PhoenixMessage(
                message.joinRef(), message.ref(), message.topic(), "phx_close", json.createObjectNode()));
    }

    private void accessToken(RealtimeSocket socket, PhoenixMessage message) {
        Channel channel = socket.channels.get(message.topic());
        if (channel == null) {
            return;
        }
        try {
            channel.caller = hub.openSession(
                    tokens.verify(message.payload().path("access_token").asText("")));
        } catch (TokenRejectedException e) {
            // A channel whose token no longer verifies stops receiving, as Supabase closes it.
            socket.channels.remove(message.topic());
            hub.leave(channel);
            socket.send(new PhoenixMessage(
                    channel.joinRef,
                    null,
                    message.topic(),
                    "system",
                    json.createObjectNode()
                            .put("extension", "system")
                            .put("status", "error")
                            .put("message", e.getMessage())));
            socket.send(
                    new PhoenixMessage(channel.joinRef, null, message.topic(), "phx_close", json.createObjectNode()));
        }
    }

    private Caller callerOf(RealtimeSocket socket, JsonNode payload) {
        JsonNode token = payload.path("access_token");
        if (token.isTextual() && !token.asText().isBlank()) {
            return hub.openSession(tokens.verify(token.asText()));
        }
        return socket.caller;
    }

    private List<Binding> bindings(JsonNode requested) {
        var bindings = new ArrayList<Binding>();
        if (requested.isMissingNode() || requested.isNull()) {
            return bindings;
        }
        if (!requested.isArray()) {
            throw new IllegalArgumentException("config.postgres_changes must be an array");
        }
        for (JsonNode item : requested) {
            String event = item.path("event").asText("");
            String schema = item.path("schema").asText("");
            String table = item.path("table").asText("");
            if (!EVENTS.contains(event)) {
                throw new IllegalArgumentException("event must be INSERT, UPDATE, DELETE or *, was '" + event + "'");
            }
            if (!schema.equals("public")) {
                throw new IllegalArgumentException("schema must be public, was '" + schema + "'");
            }
            if (!TABLES.contains(table)) {
                throw new IllegalArgumentException("table must be one of " + TABLES + ", was '" + table + "'");
            }
            String filterText =
                    item.hasNonNull("filter") && !item.get("filter").asText().isBlank()
                            ? item.get("filter").asText()
                            : null;
            ChangeFilter filter = null;
            if (filterText != null) {
                Catalog.Table columns = catalogs.current()
                        .table(table)
                        .orElseThrow(() -> new IllegalArgumentException("table " + table + " is not in the schema"));
                filter = ChangeFilter.parse(filterText, columns.columns().keySet());
            }
            bindings.add(new Binding(bindingIds.incrementAndGet(), event, schema, table, filterText, filter));
        }
        return bindings;
    }

    private ObjectNode reason(String reason) {
        return json.createObjectNode().put("reason", reason);
    }
}

package com.bigbox.server.realtime;

import com.bigbox.server.auth.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;

/** One client connection: its serializer, the caller it authenticated as, its joined channels. */
final class RealtimeSocket {
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final WsContext ctx;
    private final Serializer serializer;
    private final ObjectMapper json;
    final Caller caller;
    final Map<String, Channel> channels = new ConcurrentHashMap<>();
    volatile long lastSeenNanos = System.nanoTime();

    RealtimeSocket(WsContext ctx, Serializer serializer, ObjectMapper json, Caller caller) {
        this.ctx = ctx;
        this.serializer = serializer;
        this.json = json;
        this.caller = caller;
    }

    Serializer serializer() {
        return serializer;
    }

    String id() {
        return ctx.sessionId();
    }

    void reply(PhoenixMessage request, String status, JsonNode response) {
        var payload = json.createObjectNode();
        payload.put("status", status);
        payload.set("response", response);
        send(new PhoenixMessage(request.joinRef(), request.ref(), request.topic(), "phx_reply", payload));
    }

    /**
     * Sends one message; sends are serialised per socket (Jetty allows one pending write) and wait for
     * the write, so a slow client slows only its own deliveries. A failed send closes the socket.
     */
    synchronized void send(PhoenixMessage message) {
        if (!ctx.session.isOpen()) {
            return;
        }
        var done = new Callback.Completable();
        ctx.session.sendText(serializer.encode(json, message), done);
        try {
            done.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            close(1011, "send failed");
        }
    }

    void close(int status, String reason) {
        if (ctx.session.isOpen()) {
            ctx.closeSession(status, reason);
        }
    }
}

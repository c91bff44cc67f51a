package com.bigbox.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal Phoenix-channel client over the JDK's WebSocket, speaking vsn 1.0.0 or 2.0.0, for tests. */
final class PhoenixTestClient implements AutoCloseable {
    static final Duration CONNECT_GUARD = Duration.ofSeconds(60);

    final BlockingQueue<JsonNode> received;
    final CompletableFuture<Integer> closed;
    private final WebSocket socket;
    private final boolean arrays;
    private final AtomicInteger refs = new AtomicInteger();

    private PhoenixTestClient(
            WebSocket socket, boolean arrays, BlockingQueue<JsonNode> received, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.arrays = arrays;
        this.received = received;
        this.closed = closed;
    }

    static PhoenixTestClient connect(String baseUrl, String apiKey, String vsn) throws Exception {
        var queue = new LinkedBlockingQueue<JsonNode>();
        var closed = new CompletableFuture<Integer>();
        boolean arrays = "2.0.0".equals(vsn);
        var listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        JsonNode node = AccessTesting.JSON.readTree(partial.toString());
                        queue.add(arrays ? toObject((ArrayNode) node) : node);
                    } catch (Exception e) {
                        queue.add(AccessTesting.JSON.createObjectNode().put("unparsable", partial.toString()));
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.completeExceptionally(error);
            }
        };
        String url = baseUrl.replace("http://", "ws://") + "/realtime/v1/websocket?apikey=" + apiKey
                + (vsn == null ? "" : "&vsn=" + vsn);
        // A guard against a hang, not a speed check: in CI this class shares two cores with classes that start
        // and kill whole engine processes (CrashUnderWritersIT, ChaosExperimentsIT), and a 10 s bound was missed.
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(CONNECT_GUARD)
                .buildAsync(URI.create(url), listener)
                .get(CONNECT_GUARD.toSeconds(), TimeUnit.SECONDS);
        return new PhoenixTestClient(ws, arrays, queue, closed);
    }

    private static ObjectNode toObject(ArrayNode array) {
        ObjectNode node = AccessTesting.JSON.createObjectNode();
        node.set("join_ref", array.get(0));
        node.set("ref", array.get(1));
        node.set("topic", array.get(2));
        node.set("event", array.get(3));
        node.set("payload", array.get(4));
        return node;
    }

    String push(String topic, String event, JsonNode payload) {
        String ref = Integer.toString(refs.incrementAndGet());
        send(ref, ref, topic, event, payload);
        return ref;
    }

    void send(String joinRef, String ref, String topic, String event, JsonNode payload) {
        JsonNode message;
        if (arrays) {
            ArrayNode array = AccessTesting.JSON.createArrayNode();
            array.add(joinRef).add(ref).add(topic).add(event).add(payload);
            message = array;
        } else {
            ObjectNode object = AccessTesting.JSON.createObjectNode();
            object.put("join_ref", joinRef)
                    .put("ref", ref)
                    .put("topic", topic)
                    .put("event", event)
                    .set("payload", payload);
            message = object;
        }
        sendRaw(message.toString());
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Joins {@code topic} with postgres_changes bindings; returns the reply. */
    JsonNode join(String topic, String accessToken, List<ObjectNode> bindings) throws InterruptedException {
        ObjectNode payload = AccessTesting.JSON.createObjectNode();
        ObjectNode config = payload.putObject("config");
        config.putObject("broadcast").put("self", false);
        config.putObject("presence").put("key", "");
        ArrayNode changes = config.putArray("postgres_changes");
        bindings.forEach(changes::add);
        if (accessToken != null) {
            payload.put("access_token", accessToken);
        }
        String ref = push(topic, "phx_join", payload);
        return awaitReply(ref);
    }

    static ObjectNode binding(String event, String table, String filter) {
        ObjectNode b = AccessTesting.JSON
                .createObjectNode()
                .put("event", event)
                .put("schema", "public")
                .put("table", table);
        if (filter != null) {
            b.put("filter", filter);
        }
        return b;
    }

    JsonNode awaitReply(String ref) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var skipped = new ArrayList<JsonNode>();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
                if (message != null
                        && "phx_reply".equals(message.path("event").asText())
                        && ref.equals(message.path("ref").asText())) {
                    return message;
                }
                if (message != null) {
                    skipped.add(message);
                }
            }
            throw new AssertionError("no reply to ref " + ref + "; got " + skipped);
        } finally {
            // keep the other messages for the test, in order
            var rest = new ArrayList<JsonNode>();
            received.drainTo(rest);
            received.addAll(skipped);
            received.addAll(rest);
        }
    }

    /** The postgres_changes messages that arrive within {@code wait}. */
    List<JsonNode> changes(Duration wait, int expected) throws InterruptedException {
        var changes = new ArrayList<JsonNode>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (changes.size() < expected && System.nanoTime() < deadline) {
            JsonNode message = received.poll(50, TimeUnit.MILLISECONDS);
            if (message != null
                    && "postgres_changes".equals(message.path("event").asText())) {
                changes.add(message);
            }
        }
        return changes;
    }

    @Override
    public void close() {
        socket.abort();
    }
}

package com.bigbox.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP receiver standing in for Slack and webhook endpoints: records every request, fails on demand. */
final class Receiver implements AutoCloseable {
    record Request(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    private Receiver(HttpServer server) {
        this.server = server;
    }

    static Receiver start() throws IOException {
        var receiver = new Receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        receiver.server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            receiver.requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body));
            AtomicInteger failing = receiver.failures.get(path);
            boolean fail = failing != null && failing.getAndDecrement() > 0;
            byte[] answer = (fail ? "try again" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.server.start();
        return receiver;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code times} requests to {@code path} answer 500. */
    void failNext(String path, int times) {
        failures.put(path, new AtomicInteger(times));
    }

    List<Request> received(String path, String containing) {
        return requests.stream()
                .filter(r -> r.path().equals(path) && r.body().contains(containing))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

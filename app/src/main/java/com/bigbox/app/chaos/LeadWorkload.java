package com.bigbox.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work for the agents while an experiment faults them: leads sent through the instances' intake API
 * ({@code POST /api/v1/leads}), round robin, strong and thin ones by turns (so some qualify on their own
 * and some wait for a person), and now and then a payment ({@code PAYMENT_RECEIVED}, a protected type no
 * fault may touch) for the finance agent. It remembers each lead's flow, for the probes to follow.
 */
final class LeadWorkload {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Cluster cluster;
    private final String runId;
    private final List<Cluster.Instance> instances;
    private final Set<UUID> flows = ConcurrentHashMap.newKeySet();
    private final Set<UUID> payments = ConcurrentHashMap.newKeySet();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread sender;

    LeadWorkload(Cluster cluster, String runId, List<Cluster.Instance> instances) {
        if (instances.isEmpty()) {
            throw new IllegalStateException("no instance to send leads to: start the cluster (bigbox up) first");
        }
        this.cluster = cluster;
        this.runId = runId;
        this.instances = List.copyOf(instances);
    }

    /** What it sent: leads whose flow is known, leads refused or lost on the way, payments stored. */
    record Summary(long leads, long failed, long payments) {}

    /** @param thinOnly only leads too thin to qualify without a person */
    void start(double leadsPerSecond, boolean thinOnly, int paymentEvery) {
        long pauseNanos = (long) (1e9 / leadsPerSecond);
        sender = Thread.ofPlatform()
                .daemon()
                .name("chaos-leads")
                .start(() -> FixedRate.run(running, pauseNanos, n -> {
                    send((int) n, thinOnly || n % 2 == 1);
                    if (paymentEvery > 0 && n % paymentEvery == 0) {
                        pay((int) n);
                    }
                }));
    }

    private void send(int n, boolean thin) {
        String name = "Chaos Lead " + runId + " " + n;
        String body = thin ? """
                  {"name": "%s", "email": "lead%d@%s.example.com", "message": "Hello, can you help us?", "source": "chaos:%s"}""".formatted(name, n, runId, runId) : """
                  {"name": "%s", "email": "lead%d@%s.example.com", "phone": "+1 555 0100", "company": "Chaos %d %s",
                   "budget": 20000, "urgency": "high", "source": "chaos:%s",
                   "message": "We need a complete rebrand for our launch next quarter, with a campaign for engineers and buyers."}""".formatted(name, n, runId, n, runId, runId);
        Cluster.Instance instance = instances.get(n % instances.size());
        try {
            HttpResponse<String> response = post(instance, "/api/v1/leads", body);
            if (response.statusCode() == 201) {
                JsonNode answer = Cluster.JSON.readTree(response.body());
                flows.add(UUID.fromString(answer.get("correlation_id").asText()));
                return;
            }
        } catch (IOException e) {
            // counted below: the lead may or may not exist; the probes follow only leads whose flow is known
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failed.incrementAndGet();
    }

    // Payments are retried with the same event id (appends are idempotent by id) until one is acknowledged.
    private void pay(int n) {
        UUID id = UUID.randomUUID();
        String body = """
                {"event_id": "%s", "event_type": "PAYMENT_RECEIVED", "aggregate_type": "INVOICE", "aggregate_id": "chaos-%s-%d",
                 "emitted_by": "chaos-bank", "payload": {"invoice_id": "chaos-%s-%d", "amount": 100}}""".formatted(id, runId, n, runId, n);
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                if (post(instances.get((n + attempt) % instances.size()), "/api/v1/events", body)
                                        .statusCode()
                                / 100
                        == 2) {
                    payments.add(id);
                    return;
                }
            } catch (IOException e) {
                // the next instance
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpResponse<String> post(Cluster.Instance instance, String path, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(instance.url() + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json");
        cluster.apiKey()
                .ifPresent(
                        key -> request.header("Authorization", "Bearer " + key).header("apikey", key));
        return cluster.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Summary stop() {
        running.set(false);
        if (sender != null) {
            try {
                sender.join(TIMEOUT.plusSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Summary(flows.size(), failed.get(), payments.size());
    }

    Set<UUID> flows() {
        return Set.copyOf(flows);
    }

    Set<UUID> payments() {
        return Set.copyOf(payments);
    }
}

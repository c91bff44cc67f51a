package com.bigbox.app.chaos;

import com.bigbox.autonomic.chaos.ProbeWorkload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The experiment's client, as in a Jepsen test: writers append events through the instances' HTTP
 * API, round robin, each with an id of its own making, and remember which appends were acknowledged,
 * which failed for sure (refused, or never reached an instance), and which are unknown (timed out,
 * or a server error: the event may be stored).
 */
final class Workload {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Cluster cluster;
    private final String runId;
    private final List<Cluster.Instance> instances;
    private final Set<UUID> attempted = ConcurrentHashMap.newKeySet();
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> writers = new ArrayList<>();

    Workload(Cluster cluster, String runId, List<Cluster.Instance> instances) {
        if (instances.isEmpty()) {
            throw new IllegalStateException("no instance to send the workload to: start the cluster (bigbox up) first");
        }
        this.cluster = cluster;
        this.runId = runId;
        this.instances = List.copyOf(instances);
    }

    /** What the workload did. */
    record Summary(long attempted, long acknowledged, long failed, long unknown) {}

    void start(int writerCount, double ratePerSecond) {
        long pauseNanos = (long) (1e9 * writerCount / ratePerSecond);
        for (int w = 0; w < writerCount; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform()
                    .daemon()
                    .name("chaos-writer-" + w)
                    .start(() -> FixedRate.run(running, pauseNanos, n -> append(writer, n))));
        }
    }

    // An append that failed or whose outcome is unknown is retried on the next instance with the same
    // event id: appends are idempotent by id, so a retry never stores the event twice.
    private void append(int writer, long n) {
        UUID id = UUID.randomUUID();
        attempted.add(id);
        Outcome outcome = Outcome.FAILED;
        for (int attempt = 0; attempt < RETRIES && outcome != Outcome.ACKNOWLEDGED; attempt++) {
            if (attempt > 0 && !backOff(attempt)) {
                break;
            }
            Cluster.Instance instance = instances.get((int) ((writer + n + attempt) % instances.size()));
            Outcome tried = send(instance, id, writer, n);
            outcome = tried == Outcome.FAILED && outcome == Outcome.UNKNOWN ? Outcome.UNKNOWN : tried;
            if (tried == Outcome.REFUSED) {
                break;
            }
        }
        switch (outcome) {
            case ACKNOWLEDGED -> acknowledged.add(id);
            case UNKNOWN -> unknown.incrementAndGet();
            case FAILED, REFUSED -> failed.incrementAndGet();
        }
    }

    private enum Outcome {
        ACKNOWLEDGED,
        REFUSED,
        FAILED,
        UNKNOWN
    }

    /** A client that retries, as real ones do: 5 tries over about 3 s, each on the next instance. */
    private static final int RETRIES = 5;

    private static boolean backOff(int attempt) {
        try {
            Thread.sleep(Duration.ofMillis(100L << attempt));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Outcome send(Cluster.Instance instance, UUID id, int writer, long n) {
        String body = """
                {"event_id":"%s","event_type":"%s","aggregate_type":"%s","aggregate_id":"%s-w%d","emitted_by":"chaos-workload",
                 "payload":{"run":"%s","writer":%d,"n":%d}}""".formatted(
                        id, ProbeWorkload.EVENT_TYPE, ProbeWorkload.AGGREGATE_TYPE, runId, writer, runId, writer, n);
        var request = HttpRequest.newBuilder(URI.create(instance.url() + "/api/v1/events"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json");
        cluster.apiKey()
                .ifPresent(
                        key -> request.header("Authorization", "Bearer " + key).header("apikey", key));
        try {
            HttpResponse<String> response = cluster.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
            if (response.statusCode() == 200 || response.statusCode() == 201) {
                return Outcome.ACKNOWLEDGED;
            }
            if (response.statusCode() == 429) {
                return Outcome.FAILED; // throttled, not processed: worth another try
            }
            return response.statusCode() < 500 ? Outcome.REFUSED : Outcome.UNKNOWN;
        } catch (HttpTimeoutException e) {
            return Outcome.UNKNOWN;
        } catch (java.net.ConnectException e) {
            return Outcome.FAILED;
        } catch (IOException e) {
            return Outcome.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNKNOWN;
        }
    }

    Summary stop() {
        running.set(false);
        for (Thread writer : writers) {
            try {
                writer.join(TIMEOUT.plusSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return summary();
    }

    Summary summary() {
        return new Summary(attempted.size(), acknowledged.size(), failed.get(), unknown.get());
    }

    Set<UUID> attempted() {
        return Set.copyOf(attempted);
    }

    Set<UUID> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    String runId() {
        return runId;
    }
}

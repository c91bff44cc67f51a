package com.bigbox.postgres;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The event machinery's own meters: appends (rate, latency, outcome), the real-time feed (events
 * delivered, commit-to-delivery latency) and durable subscriptions (events handled, handler time).
 * The registry's common tags say which engine instance they belong to.
 */
final class PgMeters {
    /** Buckets for latencies from sub-millisecond appends to multi-second stalls (a chaos experiment's lock). */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofSeconds(1),
        Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
    };

    private final MeterRegistry registry;
    private final Counter appendedEvents;
    private final Counter delivered;
    private final Timer deliveryLatency;

    PgMeters(MeterRegistry registry) {
        this.registry = registry;
        this.appendedEvents = Counter.builder("bigbox.events.appended")
                .description("Events stored by this instance's appends (retries of stored events excluded)")
                .register(registry);
        this.delivered = Counter.builder("bigbox.feed.delivered")
                .description("Events this instance's real-time feed published to its bus")
                .register(registry);
        this.deliveryLatency = latency(
                        Timer.builder("bigbox.feed.delivery.latency")
                                .description(
                                        "From an event's created_at (its transaction's start) to its delivery on this instance"))
                .register(registry);
    }

    /** Meters that go nowhere, for nodes started without a registry. */
    static PgMeters none() {
        return new PgMeters(new CompositeMeterRegistry());
    }

    MeterRegistry registry() {
        return registry;
    }

    /** One append call: how long it took and how it ended ({@code stored}, {@code duplicate}, {@code refused}, {@code failed}). */
    void appended(long startNanos, String outcome, int events) {
        latency(Timer.builder("bigbox.events.append")
                        .description("Latency of one append call (one or more events to one stream)")
                        .tag("outcome", outcome))
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        if ("stored".equals(outcome)) {
            appendedEvents.increment(events);
        }
    }

    void delivered(Instant createdAt) {
        delivered.increment();
        if (createdAt != null) {
            Duration latency = Duration.between(createdAt, Instant.now());
            // The database's clock and ours may differ by a little; a negative latency is none.
            deliveryLatency.record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    /** One event handled (or failed) by a durable subscription on this instance. */
    void handled(String subscription, long startNanos, boolean ok) {
        latency(Timer.builder("bigbox.subscription.handler")
                        .description("Time a durable subscription's handler and checkpoint took per event")
                        .tag("subscription", subscription)
                        .tag("outcome", ok ? "ok" : "failed"))
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private static Timer.Builder latency(Timer.Builder builder) {
        return builder.serviceLevelObjectives(LATENCY_BUCKETS)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30));
    }
}

package com.bigbox.server.metrics;

import com.bigbox.core.Position;
import com.bigbox.postgres.metrics.DeliveryLag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How far behind the log this instance's real-time feed is, and how far each of the cluster's
 * durable subscriptions is (wherever it runs), in committed events not yet handled.
 */
public final class DeliveryMetrics implements ScrapeTimeGauges {
    private final DeliveryLag lag;
    private final Supplier<Position> feedPosition;
    private final AtomicLong feedLag = new AtomicLong();
    private final MultiGauge subscriptionLag;
    private final MultiGauge checkpointAge;

    public DeliveryMetrics(
            MeterRegistry registry, DeliveryLag lag, Supplier<Position> feedPosition, Supplier<Boolean> listening) {
        this.lag = lag;
        this.feedPosition = feedPosition;
        Gauge.builder("bigbox.feed.lag", feedLag, AtomicLong::get)
                .description("Committed events this instance's real-time feed has not delivered yet")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("bigbox.feed.listening", listening, l -> l.get() ? 1 : 0)
                .description("1 while this instance's LISTEN session is up (without it the feed only polls)")
                .strongReference(true)
                .register(registry);
        this.subscriptionLag = MultiGauge.builder("bigbox.subscription.lag")
                .description(
                        "Committed events after a durable subscription's checkpoint, by subscription and owning instance")
                .baseUnit("events")
                .register(registry);
        this.checkpointAge = MultiGauge.builder("bigbox.subscription.checkpoint.age")
                .description("Seconds since a durable subscription's checkpoint last moved")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void refresh() throws Exception {
        feedLag.set(lag.eventsAfter(feedPosition.get()));
        var subscriptions = lag.subscriptions();
        subscriptionLag.register(
                subscriptions.stream()
                        .map(s -> MultiGauge.Row.of(
                                Tags.of("subscription", s.name(), "owner", s.owner() == null ? "" : s.owner()),
                                s.lagEvents()))
                        .toList(),
                true);
        checkpointAge.register(
                subscriptions.stream()
                        .map(s -> MultiGauge.Row.of(Tags.of("subscription", s.name()), s.checkpointAgeSeconds()))
                        .toList(),
                true);
    }
}

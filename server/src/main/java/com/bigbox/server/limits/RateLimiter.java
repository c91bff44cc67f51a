package com.bigbox.server.limits;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key: {@code perMinute} requests a minute, with bursts up to that many. Kept in this
 * instance's memory, so with N instances behind a balancer a key gets up to N times the rate.
 */
final class RateLimiter {
    private static final int EVICT_ABOVE = 100_000;

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    /** Takes one request from {@code key}'s bucket; when it is empty, the seconds until one is free. */
    OptionalLong acquire(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > EVICT_ABOVE) {
            // Buckets idle for a minute are full again: forgetting them changes nothing.
            buckets.values()
                    .removeIf(b -> now - b.updatedAt > Duration.ofMinutes(1).toNanos());
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * perNano);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            long waitNanos = (long) Math.ceil((1 - bucket.tokens) / perNano);
            return OptionalLong.of(Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1));
        }
    }
}

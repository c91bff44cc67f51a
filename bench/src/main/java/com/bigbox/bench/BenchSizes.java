package com.bigbox.bench;

import java.time.Duration;

/** How long and how big each phase is. */
record BenchSizes(Duration phase, Duration warmup, int batchSize, int readAllEvents, int aggregateEvents, int loads) {
    static final BenchSizes QUICK = new BenchSizes(Duration.ofMillis(500), Duration.ofMillis(200), 200, 5_000, 1_000, 3);

    static BenchSizes full(int seconds) {
        return new BenchSizes(Duration.ofSeconds(seconds), Duration.ofSeconds(2), 1_000, 300_000, 10_000, 20);
    }
}

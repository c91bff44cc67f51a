package com.bigbox.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how big each phase is.
 *
 * @param rounds rounds of every throughput case (each contender once per round, order alternating)
 * @param historySizes the log's sizes at which the history phase times the reads (empty: no history phase)
 * @param historySamples timed calls of each read at each size
 */
record BenchSizes(
        Duration phase,
        Duration warmup,
        int rounds,
        int batchSize,
        int readAllEvents,
        int aggregateEvents,
        int loads,
        List<Long> historySizes,
        int historySamples) {
    static BenchSizes quick() {
        return new BenchSizes(
                Duration.ofMillis(300), Duration.ofMillis(100), 3, 100, 3_000, 500, 3, List.of(2_000L, 5_000L), 3);
    }

    static BenchSizes full(int seconds, int rounds, List<Long> historySizes) {
        return new BenchSizes(
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(1),
                rounds,
                1_000,
                300_000,
                10_000,
                20,
                historySizes,
                20);
    }
}

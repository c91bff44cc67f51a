package com.bigbox.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every contender of one case once per round, in an order that changes every round (rotated,
 * and reversed on odd rounds), so that none is always first (cold) or always last (after the
 * others have filled the caches and the WAL): a drift of the machine over the run then spreads over
 * all of them instead of favouring one.
 */
final class Rounds {
    /** One writer's operation; {@code tag} is new for every measurement, so that streams never repeat across rounds. */
    @FunctionalInterface
    interface Operation {
        int run(String tag, int writer, long iteration) throws Exception;
    }

    /** A contender of a case: its name and one writer's operation. */
    record Contender(String name, Operation operation) {}

    private Rounds() {}

    static Map<String, Sample> run(int rounds, int writers, Duration warmup, Duration phase, List<Contender> contenders)
            throws InterruptedException {
        Map<String, double[]> rates = new LinkedHashMap<>();
        contenders.forEach(c -> rates.put(c.name(), new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (Contender c : order(contenders, round)) {
                String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
                rates.get(c.name())[round] = Throughput.measure(
                        writers, warmup, phase, (w, i) -> c.operation().run(tag, w, i));
            }
        }
        Map<String, Sample> samples = new LinkedHashMap<>();
        rates.forEach((name, r) -> samples.put(name, new Sample(name, r)));
        return samples;
    }

    static <T> List<T> order(List<T> items, int round) {
        List<T> ordered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ordered.add(items.get((i + round) % items.size()));
        }
        return round % 2 == 1 ? ordered.reversed() : ordered;
    }
}

package com.bigbox.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** Runs {@code writers} threads doing one operation after another; counts what completes in the measured window. */
final class Throughput {
    /** One writer's work; returns how many events the call wrote. */
    @FunctionalInterface
    interface Operation {
        int run(int writer, long iteration) throws Exception;
    }

    private Throughput() {}

    /** Events per second over {@code phase}, after {@code warmup} that is not counted. */
    static double measure(int writers, Duration warmup, Duration phase, Operation operation)
            throws InterruptedException {
        var counting = new AtomicBoolean(false);
        var stop = new AtomicBoolean(false);
        var events = new LongAdder();
        var failures = new ArrayList<Exception>();
        var done = new CountDownLatch(writers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(Thread.ofPlatform().name("bench-writer-" + w).start(() -> {
                try {
                    for (long i = 0; !stop.get(); i++) {
                        int n = operation.run(writer, i);
                        if (counting.get()) {
                            events.add(n);
                        }
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            }));
        }
        Thread.sleep(warmup);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(phase);
        counting.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a benchmark writer failed", failures.getFirst());
        }
        return events.sum() * 1e9 / elapsed;
    }
}

package com.bigbox.app.chaos;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * A workload's pace: step 0, 1, 2, … once every {@code pauseNanos} on the calling thread, on a fixed schedule
 * (a late step is followed at once by the next one it owes), until {@code running} turns false or the thread
 * is interrupted. A fixed schedule keeps the offered load what the experiment says while the system stalls.
 */
final class FixedRate {
    private FixedRate() {}

    static void run(AtomicBoolean running, long pauseNanos, LongConsumer step) {
        long next = System.nanoTime();
        for (long n = 0; running.get(); n++) {
            step.accept(n);
            next += pauseNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}

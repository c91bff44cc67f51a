package com.bigbox.postgres;

import java.time.Duration;

/**
 * Starts a reader's queries at least {@code interval} apart. A burst of wake-ups (one per commit)
 * then costs one read per interval that fetches them all, instead of one read per commit; a reader
 * that was idle reads at once.
 */
final class ReadPacer {
    private final long intervalNanos;
    private long lastStart;

    ReadPacer(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.lastStart = System.nanoTime() - intervalNanos;
    }

    void pace() throws InterruptedException {
        long wait = lastStart + intervalNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
        lastStart = System.nanoTime();
    }
}

package com.bigbox.postgres;

import java.time.Duration;

/**
 * Starts a repeated database round trip at most once per {@code interval}. A burst of wake-ups (one
 * per commit) then costs one read (or one NOTIFY) per interval that covers them all, instead of one
 * per commit; after a quiet spell it goes at once, so an idle system keeps its latency.
 */
final class Pacer {
    private final long intervalNanos;
    private long lastStart;

    Pacer(Duration interval) {
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

package com.bigbox.core;

import java.time.Duration;

/**
 * A reusable signal between threads: any number of {@link #signal()} calls before an
 * {@link #await(Duration)} wake it once. Lets a worker sleep until there is news or a timeout.
 */
public final class Wakeup {
    private boolean signalled;

    public synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Waits until signalled or {@code timeout} passes; returns whether it was signalled. */
    public synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!signalled) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        signalled = false;
        return true;
    }
}

package com.bigbox.core;

import java.time.Duration;

/**
 * A named daemon thread that runs one loop while {@link #running()}; {@link #stop(Duration)} ends it
 * (interrupting any wait) and waits a bounded time for it to finish. The feeds, listeners, notifiers
 * and workers of an engine instance each run on one.
 */
public final class BackgroundLoop {
    private final Thread thread;
    private volatile boolean running = true;

    public BackgroundLoop(String name, Runnable loop) {
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(loop);
    }

    public void start() {
        thread.start();
    }

    /** Whether the loop should go on; it turns false when {@link #stop(Duration)} is called. */
    public boolean running() {
        return running;
    }

    public void stop(Duration grace) {
        stop(grace, () -> {});
    }

    /**
     * As {@link #stop(Duration)}, running {@code unblock} once the loop is told to stop and before it
     * is interrupted: for a loop blocked where an interrupt does not reach, such as a socket read.
     */
    public void stop(Duration grace, Runnable unblock) {
        running = false;
        unblock.run();
        thread.interrupt();
        try {
            thread.join(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

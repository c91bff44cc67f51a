package com.bigbox.app.simulation;

import com.bigbox.postgres.PgSubscriptions;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Waits until the engine has nothing left to do for now: every durable subscription has handled every event
 * it wants up to the head of the log. Only then does the simulation let time pass or people act, so what they
 * see and do never depends on how fast the machine is.
 *
 * <p>It asks the subscriptions themselves rather than their stored checkpoints: a subscription advances its
 * checkpoint over events it does not want only at its next poll, and waiting for those polls (every
 * subscription, every step) was most of a run's time.
 */
final class Quiescence {
    private final PgSubscriptions subscriptions;
    private final Supplier<List<String>> required;
    private final Duration timeout;

    /** @param required subscriptions that must be running (every other one registered is awaited as well) */
    Quiescence(PgSubscriptions subscriptions, Supplier<List<String>> required, Duration timeout) {
        this.subscriptions = subscriptions;
        this.required = required;
        this.timeout = timeout;
    }

    void await() {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (!subscriptions.settled(required.get())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the engine did not settle within " + timeout.toSeconds()
                        + " s: a subscription is stuck behind the head of the log " + subscriptions.positions());
            }
            sleep(pause);
            pause = Math.min(20, pause * 2);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine to settle", e);
        }
    }
}

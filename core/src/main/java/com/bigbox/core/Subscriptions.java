package com.bigbox.core;

/**
 * Named, durable subscriptions: each keeps a checkpoint in the store, runs on one instance of the
 * cluster at a time and moves to another instance when its instance stops or dies.
 */
public interface Subscriptions {
    /**
     * Starts competing for {@code name}; while this instance holds it, {@code handler} receives every
     * matching event after the checkpoint, in commit order.
     *
     * @param startAfter where a subscription without a checkpoint starts
     */
    Registration subscribe(String name, EventFilter filter, Position startAfter, SubscriptionHandler handler);
}

package com.bigbox.core;

/**
 * Handles one event of a durable subscription inside {@code work}'s transaction; the subscription's
 * checkpoint commits in the same transaction, so an effect written through {@code work} happens once
 * even when the event is delivered again after a crash.
 */
@FunctionalInterface
public interface SubscriptionHandler {
    void handle(RecordedEvent event, UnitOfWork work) throws Exception;
}

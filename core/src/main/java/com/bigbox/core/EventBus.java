package com.bigbox.core;

/**
 * Fans events out to this instance's listeners. The real-time feed publishes every committed event
 * to it, once and in commit order, whoever wrote it; to make a new event, append it to the
 * {@link EventStore} and the bus of every instance will publish it.
 */
public interface EventBus {
    Registration subscribe(EventFilter filter, EventListener listener);

    /** Delivers {@code event} to every matching listener; a failing listener does not stop the others. */
    void publish(RecordedEvent event);
}

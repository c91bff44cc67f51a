package com.bigbox.core;

/** Receives events from an {@link EventBus}, on the bus's delivery thread; keep it quick. */
@FunctionalInterface
public interface EventListener {
    void on(RecordedEvent event);
}

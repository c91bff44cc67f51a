package com.bigbox.core;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** An {@link EventBus} that calls listeners synchronously on the publishing thread. */
public final class LocalEventBus implements EventBus {
    private record Entry(EventFilter filter, EventListener listener) {}

    private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();
    private final BiConsumer<RecordedEvent, RuntimeException> onListenerFailure;

    /** @param onListenerFailure told when a listener throws; delivery to the others continues */
    public LocalEventBus(BiConsumer<RecordedEvent, RuntimeException> onListenerFailure) {
        this.onListenerFailure = onListenerFailure;
    }

    @Override
    public Registration subscribe(EventFilter filter, EventListener listener) {
        var entry = new Entry(filter, listener);
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    @Override
    public void publish(RecordedEvent event) {
        for (Entry entry : entries) {
            if (entry.filter.matches(event)) {
                try {
                    entry.listener.on(event);
                } catch (RuntimeException e) {
                    onListenerFailure.accept(event, e);
                }
            }
        }
    }
}

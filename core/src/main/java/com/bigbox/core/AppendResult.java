package com.bigbox.core;

import java.util.List;

/**
 * What an append stored. {@code events} holds the stored events in order; when the append was a
 * retry of events already stored (same ids), they are those events and {@code duplicate} is true.
 */
public record AppendResult(StreamId stream, long version, List<RecordedEvent> events, boolean duplicate) {
    public AppendResult {
        events = List.copyOf(events);
    }
}

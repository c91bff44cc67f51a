package com.bigbox.autonomic.improvement.loops;

import com.bigbox.core.RecordedEvent;
import java.util.List;
import java.util.UUID;

/** What one pass of a loop did: the events it appended and the approvals it asked for. */
public record LoopRun(String loop, List<RecordedEvent> events, List<UUID> approvals) {
    public LoopRun {
        events = List.copyOf(events);
        approvals = List.copyOf(approvals);
    }

    public List<String> types() {
        return events.stream().map(RecordedEvent::type).toList();
    }
}

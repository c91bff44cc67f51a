package com.bigbox.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads the log: one stream, or the global commit-safe order of all events. */
public interface EventReader {

    /** Events of {@code stream} with sequence number {@code >= fromSequence}, in order. */
    List<RecordedEvent> readStream(StreamId stream, long fromSequence);

    /**
     * Up to {@code limit} events after {@code after} in commit-safe order: an event is returned only
     * once no transaction that could still commit an earlier event is open, so a reader that resumes
     * from the last position it saw never skips one.
     */
    default List<RecordedEvent> readAll(Position after, int limit) {
        return readAll(after, limit, Set.of());
    }

    /** As {@link #readAll(Position, int)}, only events of these types (all when empty). */
    List<RecordedEvent> readAll(Position after, int limit, Set<String> eventTypes);

    /** The position of the last event {@link #readAll} would return now; {@link Position#START} when none. */
    Position head();

    /** The full position of the event with this {@code global_position}, if it exists. */
    Optional<Position> positionOf(long globalPosition);

    Optional<RecordedEvent> find(UUID eventId);

    /** The stream's version: its last sequence number, 0 when it has no events. */
    long version(StreamId stream);
}

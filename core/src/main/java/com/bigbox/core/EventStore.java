package com.bigbox.core;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The append-only log of events. Every event belongs to one stream (an aggregate) where it has a
 * dense sequence number, and to the global commit-safe order given by {@link Position}.
 */
public interface EventStore extends EventAppender {

    /** Events of {@code stream} with sequence number {@code >= fromSequence}, in order. */
    List<RecordedEvent> readStream(StreamId stream, long fromSequence);

    /**
     * Up to {@code limit} events after {@code after} in commit-safe order: an event is returned only
     * once no transaction that could still commit an earlier event is running, so a reader that
     * resumes from the last position it saw never skips one.
     */
    List<RecordedEvent> readAll(Position after, int limit);

    /** The position of the last event {@link #readAll} would return now. */
    Position head();

    /** The full position of the event with this {@code global_position}, if it exists. */
    Optional<Position> positionOf(long globalPosition);

    Optional<RecordedEvent> find(UUID eventId);

    /** The stream's version: its last sequence number, 0 when it has no events. */
    long version(StreamId stream);

    void saveSnapshot(Snapshot snapshot);

    Optional<Snapshot> latestSnapshot(StreamId stream);

    /** Runs {@code work} in one transaction; it commits when {@code work} returns. */
    <T> T inTransaction(Function<UnitOfWork, T> work);
}

package com.bigbox.core;

import java.util.Optional;
import java.util.function.Function;

/**
 * The append-only log of events. Every event belongs to one stream (an aggregate) where it has a
 * dense sequence number, and to the global commit-safe order given by {@link Position}.
 */
public interface EventStore extends EventReader, EventAppender {

    void saveSnapshot(Snapshot snapshot);

    Optional<Snapshot> latestSnapshot(StreamId stream);

    /** Runs {@code work} in one transaction; it commits when {@code work} returns, and rolls back when it throws. */
    <T> T inTransaction(Function<UnitOfWork, T> work);
}

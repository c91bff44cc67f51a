package com.bigbox.core;

/**
 * How to fold a stream's events into state, and how to keep that state as a snapshot.
 *
 * @param <S> the state
 */
public interface Aggregate<S> {
    /** State before any event. */
    S initial();

    S evolve(S state, RecordedEvent event);

    /** JSON object text of {@code state}, for snapshots. */
    String toSnapshot(S state);

    S fromSnapshot(String json);
}

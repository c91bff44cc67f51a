package com.bigbox.core;

/**
 * An aggregate's folded state at a version, as JSON text, so that loading it needs only the events
 * after {@code version}.
 */
public record Snapshot(StreamId stream, long version, String state) {
    public Snapshot {
        Require.present("stream", stream);
        Require.present("state", state);
        if (version < 1) {
            throw new InvalidEventException("sequence_number", "of a snapshot must be at least 1");
        }
    }
}

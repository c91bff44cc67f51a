package com.bigbox.core;

import java.util.List;

/** Appends events to a stream, atomically. */
public interface EventAppender {
    /**
     * Appends {@code events} to {@code stream} in one transaction, numbering them after the stream's
     * current version.
     *
     * @throws WrongExpectedVersionException when {@code expected} does not match the stream
     * @throws InvalidEventException when an event cannot be stored (the field is named)
     */
    AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events);

    default AppendResult append(StreamId stream, NewEvent event) {
        return append(stream, ExpectedVersion.any(), List.of(event));
    }

    default AppendResult append(StreamId stream, ExpectedVersion expected, NewEvent event) {
        return append(stream, expected, List.of(event));
    }
}

package com.bigbox.core;

/** An append whose expected version did not match the stream's current version. */
public final class WrongExpectedVersionException extends RuntimeException {
    private final StreamId stream;
    private final ExpectedVersion expected;

    /** @param detail what the store found, e.g. "wrong expected version for LEAD/7: expected version 0, stream is at version 1" */
    public WrongExpectedVersionException(StreamId stream, ExpectedVersion expected, String detail) {
        super(detail);
        this.stream = stream;
        this.expected = expected;
    }

    public StreamId stream() {
        return stream;
    }

    public ExpectedVersion expected() {
        return expected;
    }
}

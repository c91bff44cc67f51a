package com.bigbox.core;

/** An append whose expected version did not match the stream's current version. */
public final class WrongExpectedVersionException extends RuntimeException {
    private final StreamId stream;
    private final ExpectedVersion expected;

    public WrongExpectedVersionException(StreamId stream, ExpectedVersion expected, String detail) {
        super("wrong expected version for " + stream + ": expected " + expected + " (" + detail + ")");
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

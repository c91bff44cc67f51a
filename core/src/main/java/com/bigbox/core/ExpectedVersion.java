package com.bigbox.core;

/**
 * What a writer believes a stream's version (its last sequence number) to be. {@link Any} appends
 * unconditionally; {@link Exactly} fails with {@link WrongExpectedVersionException} when another
 * writer got there first. A stream that does not exist has version 0.
 */
public sealed interface ExpectedVersion {
    Any ANY = new Any();
    Exactly NO_STREAM = new Exactly(0);

    static ExpectedVersion any() {
        return ANY;
    }

    static ExpectedVersion noStream() {
        return NO_STREAM;
    }

    static ExpectedVersion exactly(long version) {
        return new Exactly(version);
    }

    record Any() implements ExpectedVersion {
        @Override
        public String toString() {
            return "any";
        }
    }

    record Exactly(long version) implements ExpectedVersion {
        public Exactly {
            if (version < 0) {
                throw new InvalidEventException("expected_version", "must be 0 or more, was " + version);
            }
        }

        @Override
        public String toString() {
            return Long.toString(version);
        }
    }
}

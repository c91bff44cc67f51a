package com.bigbox.core;

/**
 * A place in the global, commit-safe order of all events: first by the writing transaction's id,
 * then by {@code global_position}. Ordering by transaction id is what lets a reader never skip an
 * event whose transaction committed after a later-numbered one (see docs/ordering.md).
 *
 * @param transactionId the {@code xid8} of the transaction that wrote the event
 * @param globalPosition the event's {@code global_position}, unique and increasing per insert
 */
public record Position(long transactionId, long globalPosition) implements Comparable<Position> {
    /** Before every event. */
    public static final Position START = new Position(0, 0);

    public Position {
        if (transactionId < 0 || globalPosition < 0) {
            throw new IllegalArgumentException("position parts must not be negative: " + transactionId + "/" + globalPosition);
        }
    }

    @Override
    public int compareTo(Position other) {
        int byTransaction = Long.compare(transactionId, other.transactionId);
        return byTransaction != 0 ? byTransaction : Long.compare(globalPosition, other.globalPosition);
    }

    public boolean isAfter(Position other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return transactionId + "/" + globalPosition;
    }
}

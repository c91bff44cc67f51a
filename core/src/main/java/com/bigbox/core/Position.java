package com.bigbox.core;

/**
 * A place in the global, commit-safe order of all events: first by the writing transaction's
 * number, then by {@code global_position}. Readers never pass the number of a writer that is still
 * open, so no event is skipped when transactions commit out of order (see docs/ordering.md).
 *
 * @param transactionSeq the {@code transaction_seq} of the transaction that wrote the event
 * @param globalPosition the event's {@code global_position}, unique and increasing per insert
 */
public record Position(long transactionSeq, long globalPosition) implements Comparable<Position> {
    /** Before every event. */
    public static final Position START = new Position(0, 0);

    public Position {
        if (transactionSeq < 0 || globalPosition < 0) {
            throw new IllegalArgumentException(
                    "position parts must not be negative: " + transactionSeq + "/" + globalPosition);
        }
    }

    @Override
    public int compareTo(Position other) {
        int byTransaction = Long.compare(transactionSeq, other.transactionSeq);
        return byTransaction != 0 ? byTransaction : Long.compare(globalPosition, other.globalPosition);
    }

    public boolean isAfter(Position other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return transactionSeq + "/" + globalPosition;
    }
}

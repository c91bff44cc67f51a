package com.bigbox.postgres.access;

/** A place in the commit-safe order of captured row changes: (transaction_seq, change_id). */
public record ChangePosition(long transactionSeq, long changeId) implements Comparable<ChangePosition> {
    public static final ChangePosition START = new ChangePosition(0, 0);

    @Override
    public int compareTo(ChangePosition other) {
        int byTransaction = Long.compare(transactionSeq, other.transactionSeq);
        return byTransaction != 0 ? byTransaction : Long.compare(changeId, other.changeId);
    }

    public boolean isAfter(ChangePosition other) {
        return compareTo(other) > 0;
    }
}

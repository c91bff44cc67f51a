package com.bigbox.postgres;

/**
 * Decides when a foreign writer (psql, supabase-js, PostgREST) may have committed events, from the
 * commit-order sequence alone: writers send no NOTIFY (a NOTIFY holds the cluster's notify lock
 * through the commit's WAL flush, so notifying writers commit one at a time). A writer draws its
 * ticket when it writes its first event and commits later, so after the sequence moves the feed is
 * woken again at growing intervals ({@code 1, 2, 4, 8, 16} watch intervals later), in case the read
 * the first wake-up caused was held back by that still-open writer. A ticket that never commits
 * (a rolled-back writer) costs at most those few reads. Pure: the caller reads the sequence and the clock.
 */
final class TicketWatch {
    private static final int FOLLOW_UPS = 5;

    private final long intervalNanos;
    private long lastTicket = Long.MIN_VALUE;
    private long changedAt;
    private int followUps = FOLLOW_UPS;

    TicketWatch(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /**
     * @param ticket the sequence's last value now
     * @param now {@link System#nanoTime()}
     * @return whether the feed should read
     */
    boolean observe(long ticket, long now) {
        if (lastTicket == Long.MIN_VALUE) {
            lastTicket = ticket;
            followUps = FOLLOW_UPS;
            return false;
        }
        if (ticket != lastTicket) {
            lastTicket = ticket;
            changedAt = now;
            followUps = 0;
            return true;
        }
        if (followUps < FOLLOW_UPS && now - changedAt >= intervalNanos * (1L << followUps)) {
            followUps++;
            return true;
        }
        return false;
    }
}

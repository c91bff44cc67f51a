package com.bigbox.postgres.autonomic;

import java.time.Instant;

/**
 * Where a durable subscription stands in the cluster.
 *
 * @param owner the instance that last took it
 * @param running whether an instance holds its lease now
 * @param lag events committed after its checkpoint
 */
public record SubscriptionStatus(
        String name, String owner, boolean running, long globalPosition, long lag, Instant updatedAt) {}

package com.bigbox.server.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What an instance lets a chaos experiment do to it. The composition root implements it. */
public interface ChaosTarget {
    String instanceName();

    boolean listening();

    /** Stops listening for notifications for {@code window}; the feed keeps delivering by polling. */
    void suppressNotifications(Duration window);

    Optional<Instant> notificationsSuppressedUntil();

    /** Ends the process at once, as a crash would: no shutdown hooks, no clean release of anything. */
    void crash();

    boolean hostsEmbeddedDatabase();

    /** Stops and starts the embedded PostgreSQL; returns how long it took. */
    Duration restartEmbeddedDatabase() throws Exception;
}

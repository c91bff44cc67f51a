package com.bigbox.autonomic.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job as its handler sees it when it is due.
 *
 * @param kind which handler runs it, e.g. {@code approval.expire}
 * @param key what it is about, unique within its kind (e.g. the approval id)
 * @param payload JSON object text the scheduler stored with it
 * @param runAt when it was due
 * @param every its period when it recurs, or null
 * @param attempts how many runs failed before this one
 */
public record Job(
        UUID id,
        String kind,
        String key,
        String payload,
        Instant runAt,
        @Nullable Duration every,
        int attempts) {}

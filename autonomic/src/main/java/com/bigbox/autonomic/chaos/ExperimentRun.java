package com.bigbox.autonomic.chaos;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of an experiment: its id (the {@code chaos_experiments} row and the events' aggregate) and
 * what it runs.
 *
 * @param definitionSha256 the SHA-256 of the file as read, so a run names exactly what it ran
 * @param runBy who or what ran it (user, host)
 */
public record ExperimentRun(
        UUID id,
        Experiment experiment,
        String definitionSha256,
        Object definition,
        Instant startedAt,
        RollbackStrategy rollbackStrategy,
        String runBy) {}

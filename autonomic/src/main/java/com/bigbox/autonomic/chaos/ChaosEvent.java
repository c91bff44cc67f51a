package com.bigbox.autonomic.chaos;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a chaos run tells the log, on the aggregate {@code CHAOS_EXPERIMENT/<experiment id>}. Stored
 * type names are in {@link #TYPES}.
 */
public sealed interface ChaosEvent {
    String AGGREGATE_TYPE = "CHAOS_EXPERIMENT";
    String STARTED = "CHAOS_EXPERIMENT_STARTED";
    String COMPLETED = "CHAOS_EXPERIMENT_COMPLETED";
    String RESILIENCE_SCORE = "CHAOS_RESILIENCE_SCORE";
    List<String> TYPES = List.of(STARTED, COMPLETED, RESILIENCE_SCORE);

    UUID experimentId();

    String type();

    record ExperimentStarted(
            UUID experimentId,
            String title,
            String experimentType,
            Intensity intensity,
            String version,
            Instant startedAt)
            implements ChaosEvent {
        @Override
        public String type() {
            return STARTED;
        }
    }

    record ExperimentCompleted(
            UUID experimentId,
            RunRecord.Status status,
            boolean deviated,
            double degradation,
            int failuresDetected,
            Integer recoverySeconds,
            List<String> findings,
            Instant endedAt)
            implements ChaosEvent {
        @Override
        public String type() {
            return COMPLETED;
        }
    }

    record ResilienceScored(UUID experimentId, double score, boolean alert, ResilienceTrend trend)
            implements ChaosEvent {
        @Override
        public String type() {
            return RESILIENCE_SCORE;
        }
    }
}

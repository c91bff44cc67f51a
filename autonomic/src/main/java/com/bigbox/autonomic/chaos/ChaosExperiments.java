package com.bigbox.autonomic.chaos;

import com.bigbox.core.UnitOfWork;
import java.util.List;

/**
 * Where runs are recorded (port): the {@code chaos_experiments} row and the run's events commit in
 * the unit of work they are given, together.
 */
public interface ChaosExperiments {
    /** Records a run as {@code running} with its {@link ChaosEvent.ExperimentStarted}. */
    void started(UnitOfWork work, ExperimentRun run);

    /**
     * Records how it ended, with {@link ChaosEvent.ExperimentCompleted} and, for a completed run,
     * {@link ChaosEvent.ResilienceScored} with the trend including this run.
     *
     * @return the trend, including this run's score
     */
    ResilienceTrend finished(UnitOfWork work, ExperimentRun run, RunRecord record);

    /** The resilience scores of the last {@code n} completed runs, most recent last. */
    List<Double> recentScores(UnitOfWork work, int n);
}

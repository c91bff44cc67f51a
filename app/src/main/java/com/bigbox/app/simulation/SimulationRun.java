package com.bigbox.app.simulation;

import java.time.Duration;
import java.util.List;

/**
 * What one run measured, week by week, and how it stands against the doctrine's targets.
 *
 * @param decisions the run's gated decisions by type: where automation and mistakes come from
 * @param leads leads that arrived
 * @param humanDecisions approvals the simulated people decided
 * @param overrides autonomous decisions they found wrong and overrode
 * @param wall how long the run took on this machine
 */
public record SimulationRun(Simulation.Options options, List<WeekFigures> weeks, List<DecisionTally> decisions, int leads,
        int humanDecisions, int overrides, Duration wall) {
    public static final double AUTOMATION_TARGET = 0.70;
    public static final double WRONG_TARGET = 0.02;
    public static final int CEO_WEEKLY_LIMIT = 7;

    /** Where the agency stands by the end: its last four weeks (one week is too noisy to judge by). */
    static final int FINAL_WEEKS = 4;

    /** The automation rate over the run's last four weeks. */
    public double finalAutomation() {
        List<WeekFigures> last = last();
        long executed = last.stream().mapToLong(WeekFigures::executed).sum();
        long gated = last.stream().mapToLong(WeekFigures::gated).sum();
        return gated == 0 ? 0 : (double) executed / gated;
    }

    /** Wrong autonomous decisions over the run's last four weeks. */
    public double finalWrongRate() {
        return wrong(last());
    }

    /** Wrong autonomous decisions over the whole run, learning included. */
    public double wrongRate() {
        return wrong(weeks);
    }

    private List<WeekFigures> last() {
        return weeks.subList(Math.max(0, weeks.size() - FINAL_WEEKS), weeks.size());
    }

    private static double wrong(List<WeekFigures> weeks) {
        long executed = weeks.stream().mapToLong(WeekFigures::executed).sum();
        long wrong = weeks.stream().mapToLong(WeekFigures::wrongAutonomous).sum();
        return executed == 0 ? 0 : (double) wrong / executed;
    }

    public long maxCeoInterrupts() {
        return weeks.stream().mapToLong(WeekFigures::ceoInterrupts).max().orElse(0);
    }

    public boolean meetsTargets() {
        return finalAutomation() >= AUTOMATION_TARGET && finalWrongRate() <= WRONG_TARGET && maxCeoInterrupts() < CEO_WEEKLY_LIMIT;
    }
}

package com.bigbox.app.simulation;

import java.time.Duration;
import java.util.List;

/**
 * What one run measured, week by week, and how it stands against the doctrine's targets.
 *
 * @param decisions the run's gated decisions by type: where automation and mistakes come from
 * @param finalDecisions the same over the last {@link #FINAL_WEEKS} weeks, the window the targets are judged on
 * @param leads leads that arrived
 * @param humanDecisions approvals the simulated people decided
 * @param overrides autonomous decisions they overrode (found wrong, or thought wrong)
 * @param wall how long the run took on this machine
 */
public record SimulationRun(
        Simulation.Options options,
        List<WeekFigures> weeks,
        List<DecisionTally> decisions,
        List<DecisionTally> finalDecisions,
        int leads,
        int humanDecisions,
        int overrides,
        Duration wall) {
    public static final double AUTOMATION_TARGET = 0.70;
    public static final double WRONG_TARGET = 0.02;
    public static final double JUDGED_TARGET = 0.95;
    public static final int CEO_WEEKLY_LIMIT = 7;

    /** Where the agency stands by the end: its last four weeks (one week is too noisy to judge by). */
    static final int FINAL_WEEKS = 4;

    /** Where the last {@link #FINAL_WEEKS} weeks of a run of {@code days} begin, in days from its start. */
    static int finalWindowStartDay(int days) {
        return 7 * Math.max(0, (days + 6) / 7 - FINAL_WEEKS);
    }

    /** The automation rate over the run's last four weeks. */
    public double finalAutomation() {
        List<WeekFigures> last = last();
        long executed = last.stream().mapToLong(WeekFigures::executed).sum();
        long gated = last.stream().mapToLong(WeekFigures::gated).sum();
        return gated == 0 ? 0 : (double) executed / gated;
    }

    /** What took effect with no person over the run's last four weeks, and what the truth says of it. */
    public WeekFigures.Effect finalEffect() {
        return effect(last());
    }

    /** The same over the whole run, learning included. */
    public WeekFigures.Effect effect() {
        return effect(weeks);
    }

    private List<WeekFigures> last() {
        return weeks.subList(Math.max(0, weeks.size() - FINAL_WEEKS), weeks.size());
    }

    private static WeekFigures.Effect effect(List<WeekFigures> weeks) {
        return weeks.stream().map(WeekFigures::effect).reduce(WeekFigures.Effect.NONE, WeekFigures.Effect::plus);
    }

    /** The most CEO interrupts of any week of the run (the target holds for every week). */
    public long maxCeoInterrupts() {
        return weeks.stream().mapToLong(WeekFigures::ceoInterrupts).max().orElse(0);
    }

    /** The targets one run can be held to alone; fewer wrong than loops off needs both runs ({@link #meetsTargets(SimulationRun)}). */
    public boolean meetsOwnTargets() {
        WeekFigures.Effect last = finalEffect();
        return finalAutomation() >= AUTOMATION_TARGET
                && last.wrongRateJudged() <= WRONG_TARGET
                && last.judgedShare() >= JUDGED_TARGET
                && maxCeoInterrupts() < CEO_WEEKLY_LIMIT;
    }

    /**
     * Every target: its own, and with the loops on, fewer wrong decisions over the last four weeks than {@code off}, the
     * same seed with the loops off (null when it was not run: then only its own).
     */
    public boolean meetsTargets(SimulationRun off) {
        boolean fewerWrong = !options.loops()
                || off == null
                || finalEffect().wrong() < off.finalEffect().wrong();
        return meetsOwnTargets() && fewerWrong;
    }
}

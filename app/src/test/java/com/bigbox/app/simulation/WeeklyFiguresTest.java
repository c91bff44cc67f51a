package com.bigbox.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.app.simulation.Observation.Route;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeeklyFiguresTest {
    private static final Instant START = Simulation.START;

    private static Instant day(double d) {
        return START.plus(Duration.ofMinutes((long) (d * 24 * 60)));
    }

    private static Observation.Gated gated(double d, Route route) {
        return new Observation.Gated(day(d), "IntakeAgent", "LEAD_QUALIFIED", route);
    }

    private static Observation.TookEffect effect(double d, Observation.Unattended how, DecisionTruth.Verdict verdict) {
        return new Observation.TookEffect(day(d), "IntakeAgent", "LEAD_QUALIFIED", how, verdict);
    }

    private static final DecisionTruth.Verdict RIGHT = DecisionTruth.Verdict.RIGHT;
    private static final DecisionTruth.Verdict WRONG = DecisionTruth.Verdict.WRONG;
    private static final DecisionTruth.Verdict UNJUDGED = DecisionTruth.Verdict.UNJUDGED;
    private static final Observation.Unattended ALONE = Observation.Unattended.ALONE;
    private static final Observation.Unattended SILENCE = Observation.Unattended.SILENCE;

    @Test
    void countsEachFactInTheWeekItHappenedAndDerivesTheRates() {
        var weeks = WeeklyFigures.of(
                START,
                10,
                List.of(
                        gated(0.5, Route.EXECUTED),
                        effect(0.5, ALONE, RIGHT),
                        gated(1, Route.EXECUTED),
                        effect(1, ALONE, WRONG),
                        gated(2, Route.HUMAN),
                        effect(2.5, SILENCE, WRONG),
                        gated(6.9, Route.CEO),
                        gated(7.1, Route.EXECUTED),
                        effect(7.1, ALONE, UNJUDGED),
                        new Observation.HumanDecision(day(3), "HUMAN_APPROVAL_GRANTED"),
                        new Observation.Override(day(8), "IntakeAgent"),
                        new Observation.ManualTask(day(8), "crm_update"),
                        new Observation.SopCompleted(
                                day(9), "lead-intake", new BigDecimal("4"), new BigDecimal("2.50")),
                        new Observation.SopCompleted(
                                day(9.5), "lead-intake", new BigDecimal("6"), new BigDecimal("3.50"))),
                Map.of("IntakeAgent", new WeekFigures.AgentState(0.75, "assisted")));
        assertThat(weeks).hasSize(2);
        WeekFigures first = weeks.get(0), second = weeks.get(1);
        assertThat(first.gated()).isEqualTo(4);
        assertThat(first.automationRate()).isEqualTo(0.5);
        // a wrong decision approved by silence counts as wrong, as much as one executed alone
        assertThat(first.effect()).isEqualTo(new WeekFigures.Effect(3, 3, 2));
        assertThat(first.effect().wrongRateJudged()).isEqualTo(2 / 3.0);
        assertThat(second.effect()).isEqualTo(new WeekFigures.Effect(1, 0, 0));
        assertThat(second.effect().judgedShare()).isZero();
        assertThat(first.approvalsPerDay()).isEqualTo(2 / 7.0);
        assertThat(first.humanDecisions()).isEqualTo(1);
        assertThat(second.days()).isEqualTo(3);
        assertThat(second.automationRate()).isEqualTo(1.0);
        assertThat(second.overrides()).isEqualTo(1);
        assertThat(second.manualTasks()).isEqualTo(1);
        assertThat(second.sopRuns()).isEqualTo(2);
        assertThat(second.sopCycleHours()).isEqualByComparingTo("5.0");
        assertThat(second.sopCost()).isEqualByComparingTo("6.00");
    }

    @Test
    void agentsSettingsAtWeekEndFollowTheirChanges() {
        var weeks = WeeklyFigures.of(
                START,
                21,
                List.of(
                        new Observation.AgentChanged(day(9), "IntakeAgent", 0.80, "assisted"),
                        new Observation.AgentChanged(day(15), "IntakeAgent", 0.80, "supervised")),
                Map.of("IntakeAgent", new WeekFigures.AgentState(0.75, "assisted")));
        assertThat(weeks)
                .extracting(w -> w.agents().get("IntakeAgent"))
                .containsExactly(
                        new WeekFigures.AgentState(0.75, "assisted"),
                        new WeekFigures.AgentState(0.80, "assisted"),
                        new WeekFigures.AgentState(0.80, "supervised"));
    }

    @Test
    void aWeekWithoutDecisionsHasNoRatesRatherThanDividingByZero() {
        var week = WeeklyFigures.of(START, 7, List.of(), Map.of()).getFirst();
        assertThat(week.automationRate()).isZero();
        assertThat(week.wrongRate()).isZero();
    }

    @Test
    void decisionTalliesSplitTheRunByDecisionType() {
        var tallies = DecisionTally.of(
                List.of(
                        gated(1, Route.EXECUTED),
                        effect(1, ALONE, WRONG),
                        gated(2, Route.HUMAN),
                        new Observation.Gated(day(3), "StrategyAgent", "QUOTE_GENERATED", Route.CEO)),
                day(0),
                day(10));
        assertThat(tallies)
                .containsExactly(
                        new DecisionTally("LEAD_QUALIFIED", 1, 1, 0, new WeekFigures.Effect(1, 1, 1)),
                        new DecisionTally("QUOTE_GENERATED", 0, 0, 1, WeekFigures.Effect.NONE));
    }

    @Test
    void decisionTalliesOfAWindowLeaveOutWhatCameBeforeIt() {
        var observations = List.<Observation>of(
                gated(1, Route.EXECUTED), effect(1, ALONE, WRONG), gated(8, Route.EXECUTED), effect(8, ALONE, RIGHT));
        assertThat(DecisionTally.of(observations, day(7), day(14)))
                .containsExactly(new DecisionTally("LEAD_QUALIFIED", 1, 0, 0, new WeekFigures.Effect(1, 1, 0)));
        // The last four weeks of a 90-day run are weeks 10-13: days 63 to 90.
        assertThat(SimulationRun.finalWindowStartDay(90)).isEqualTo(63);
        assertThat(SimulationRun.finalWindowStartDay(21)).isZero();
    }

    @Test
    void theRunIsJudgedOnItsLastFourWeeksAndCeoInterruptsOnEveryWeek() {
        var observations = new java.util.ArrayList<Observation>();
        for (int week = 0; week < 6; week++) {
            boolean learning = week < 2;
            for (int i = 0; i < 10; i++) {
                double d = 7 * week + 1 + i * 0.1;
                boolean alone = !learning && i >= 2;
                observations.add(gated(d, alone ? Route.EXECUTED : Route.HUMAN));
                if (alone) {
                    observations.add(effect(d, ALONE, RIGHT));
                }
            }
        }
        observations.add(gated(3, Route.EXECUTED));
        observations.add(effect(3, ALONE, WRONG));
        var weeks = WeeklyFigures.of(START, 42, observations, Map.of());
        var run = new SimulationRun(
                new Simulation.Options(42, 1, true, new AgencySize(5)),
                weeks,
                List.of(),
                List.of(),
                0,
                0,
                0,
                Duration.ZERO);
        assertThat(run.finalAutomation()).isEqualTo(0.8);
        assertThat(run.finalEffect().wrongRateJudged()).isZero();
        assertThat(run.effect()).isEqualTo(new WeekFigures.Effect(33, 33, 1));
        assertThat(run.meetsOwnTargets()).isTrue();
    }

    @Test
    void withTheLoopsOnTheTargetsWantFewerWrongThanWithTheLoopsOff() {
        var on = run(true, 100, 1);
        assertThat(on.meetsTargets(run(false, 100, 2))).isTrue();
        assertThat(on.meetsTargets(run(false, 100, 1))).isFalse();
        assertThat(on.meetsTargets(null)).isTrue();
    }

    @Test
    void toFewJudgedFailsTheTargetsEvenWithNothingWrong() {
        var weeks = WeeklyFigures.of(
                START,
                28,
                List.of(
                        gated(1, Route.EXECUTED),
                        effect(1, ALONE, UNJUDGED),
                        gated(2, Route.EXECUTED),
                        effect(2, ALONE, RIGHT)),
                Map.of());
        var run = new SimulationRun(
                new Simulation.Options(28, 1, true, new AgencySize(5)),
                weeks,
                List.of(),
                List.of(),
                0,
                0,
                0,
                Duration.ZERO);
        assertThat(run.finalEffect().judgedShare()).isEqualTo(0.5);
        assertThat(run.meetsOwnTargets()).isFalse();
    }

    private static SimulationRun run(boolean loops, int executed, int wrong) {
        var observations = new java.util.ArrayList<Observation>();
        for (int i = 0; i < executed; i++) {
            observations.add(gated(1 + i * 0.2, Route.EXECUTED));
            observations.add(effect(1 + i * 0.2, ALONE, i < wrong ? WRONG : RIGHT));
        }
        var weeks = WeeklyFigures.of(START, 28, observations, Map.of());
        return new SimulationRun(
                new Simulation.Options(28, 1, loops, new AgencySize(5)),
                weeks,
                List.of(),
                List.of(),
                0,
                0,
                0,
                Duration.ZERO);
    }
}

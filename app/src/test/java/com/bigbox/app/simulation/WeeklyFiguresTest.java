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

    private static Observation.Gated gated(double d, Route route, boolean correct) {
        return new Observation.Gated(day(d), "IntakeAgent", "LEAD_QUALIFIED", route, correct);
    }

    @Test
    void countsEachFactInTheWeekItHappenedAndDerivesTheRates() {
        var weeks = WeeklyFigures.of(START, 10, List.of(
                gated(0.5, Route.EXECUTED, true), gated(1, Route.EXECUTED, false), gated(2, Route.HUMAN, true),
                gated(6.9, Route.CEO, true), gated(7.1, Route.EXECUTED, true),
                new Observation.HumanDecision(day(3), "HUMAN_APPROVAL_GRANTED"),
                new Observation.Override(day(8), "IntakeAgent"),
                new Observation.ManualTask(day(8), "crm_update"),
                new Observation.SopCompleted(day(9), "lead-intake", new BigDecimal("4"), new BigDecimal("2.50")),
                new Observation.SopCompleted(day(9.5), "lead-intake", new BigDecimal("6"), new BigDecimal("3.50"))),
                Map.of("IntakeAgent", new WeekFigures.AgentState(0.75, "assisted")));
        assertThat(weeks).hasSize(2);
        WeekFigures first = weeks.get(0), second = weeks.get(1);
        assertThat(first.gated()).isEqualTo(4);
        assertThat(first.automationRate()).isEqualTo(0.5);
        assertThat(first.wrongRate()).isEqualTo(0.5);
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
        var weeks = WeeklyFigures.of(START, 21, List.of(
                new Observation.AgentChanged(day(9), "IntakeAgent", 0.80, "assisted"),
                new Observation.AgentChanged(day(15), "IntakeAgent", 0.80, "supervised")),
                Map.of("IntakeAgent", new WeekFigures.AgentState(0.75, "assisted")));
        assertThat(weeks).extracting(w -> w.agents().get("IntakeAgent")).containsExactly(
                new WeekFigures.AgentState(0.75, "assisted"), new WeekFigures.AgentState(0.80, "assisted"),
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
        var tallies = DecisionTally.of(List.of(gated(1, Route.EXECUTED, false), gated(2, Route.HUMAN, true),
                new Observation.Gated(day(3), "StrategyAgent", "QUOTE_GENERATED", Route.CEO, true)), day(10));
        assertThat(tallies).containsExactly(new DecisionTally("LEAD_QUALIFIED", 1, 1, 0, 1), new DecisionTally("QUOTE_GENERATED", 0, 0, 1, 0));
    }

    @Test
    void theRunIsJudgedOnItsLastFourWeeksAndCeoInterruptsOnEveryWeek() {
        var observations = new java.util.ArrayList<Observation>();
        for (int week = 0; week < 6; week++) {
            boolean learning = week < 2;
            for (int i = 0; i < 10; i++) {
                observations.add(gated(7 * week + 1 + i * 0.1, learning || i < 2 ? Route.HUMAN : Route.EXECUTED, !(learning && i == 0)));
            }
        }
        observations.add(gated(3, Route.EXECUTED, false));
        var weeks = WeeklyFigures.of(START, 42, observations, Map.of());
        var run = new SimulationRun(new Simulation.Options(42, 1, true, new AgencySize(5)), weeks, List.of(), 0, 0, 0, Duration.ZERO);
        assertThat(run.finalAutomation()).isEqualTo(0.8);
        assertThat(run.finalWrongRate()).isZero();
        assertThat(run.wrongRate()).isEqualTo(1 / 33.0);
        assertThat(run.meetsTargets()).isTrue();
    }
}

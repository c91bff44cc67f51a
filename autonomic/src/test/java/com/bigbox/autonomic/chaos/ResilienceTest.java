package com.bigbox.autonomic.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResilienceTest {
    @Test
    void degradationIsTheWorstOfDeviationUnavailabilityAndIncorrectness() {
        assertThat(new Degradation(3, 0, 1000, 0, 1000, 0).value()).isZero();
        assertThat(new Degradation(3, 1, 1000, 0, 1000, 0).rounded()).isEqualTo(0.33);
        assertThat(new Degradation(3, 0, 1000, 120, 880, 0).rounded()).isEqualTo(0.12);
        assertThat(new Degradation(3, 0, 100, 0, 100, 5).rounded()).isEqualTo(0.05);
        assertThat(new Degradation(3, 3, 10, 10, 0, 4).value()).isEqualTo(1.0);
        assertThatThrownBy(() -> new Degradation(1, 2, 0, 0, 0, 0)).hasMessageContaining("inconsistent");
    }

    @Test
    void theScoreIsOneMinusDegradationAndAlertsBelowPointSeven() {
        assertThat(ResilienceScore.of(new Degradation(3, 0, 10, 0, 10, 0)).value())
                .isEqualTo(1.0);
        ResilienceScore deviated = ResilienceScore.of(new Degradation(3, 1, 10, 0, 10, 0));
        assertThat(deviated.value()).isEqualTo(0.67);
        assertThat(deviated.alert()).isTrue();
        assertThat(new ResilienceScore(0.7).alert()).isFalse();
        assertThatThrownBy(() -> new ResilienceScore(1.2)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void theTrendLooksAtTheLastFiveScores() {
        ResilienceTrend declining = ResilienceTrend.of(List.of(1.0, 0.2, 0.95, 0.9, 0.8, 0.75, 0.6));
        assertThat(declining.scores()).containsExactly(0.95, 0.9, 0.8, 0.75, 0.6);
        assertThat(declining.direction()).isEqualTo(ResilienceTrend.Direction.DECLINING);
        assertThat(declining.mean()).isEqualTo(0.8);
        assertThat(ResilienceTrend.of(List.of(0.6, 0.7, 0.8)).direction())
                .isEqualTo(ResilienceTrend.Direction.IMPROVING);
        assertThat(ResilienceTrend.of(List.of(0.9, 0.91, 0.9)).direction()).isEqualTo(ResilienceTrend.Direction.STABLE);
        assertThat(ResilienceTrend.of(List.of(0.9)).direction()).isEqualTo(ResilienceTrend.Direction.UNKNOWN);
        assertThat(ResilienceTrend.of(List.of()).direction()).isEqualTo(ResilienceTrend.Direction.UNKNOWN);
    }

    @Test
    void rollbackStrategiesDecideWhenRollbacksRun() {
        assertThat(RollbackStrategy.ALWAYS.rollsBack(false, false)).isTrue();
        assertThat(RollbackStrategy.NEVER.rollsBack(true, true)).isFalse();
        assertThat(RollbackStrategy.DEVIATED.rollsBack(false, false)).isFalse();
        assertThat(RollbackStrategy.DEVIATED.rollsBack(true, false)).isTrue();
        assertThat(RollbackStrategy.DEVIATED.rollsBack(false, true)).isTrue();
        assertThatThrownBy(() -> RollbackStrategy.parse("sometimes")).hasMessageContaining("always, never or deviated");
    }
}

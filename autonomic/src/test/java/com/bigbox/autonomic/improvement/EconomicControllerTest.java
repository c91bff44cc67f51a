package com.bigbox.autonomic.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.events.ImprovementEvent.MarginErosionDetected;
import com.bigbox.autonomic.events.ImprovementEvent.SopOptimizationRecommended;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.SopRun;
import com.bigbox.autonomic.improvement.loops.EconomicPlan;
import com.bigbox.autonomic.improvement.loops.EconomicPlan.SopAccount;
import com.bigbox.autonomic.sop.SopDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EconomicControllerTest {
    static final Doctrine.EconomicBounds BOUNDS = Doctrine.shipped().loops().economic();
    // Lead intake's targets: 4 h, 85% automated, 2.50 an execution.
    static final SopDocument.Metrics TARGETS =
            new SopDocument.Metrics(4.0, 0.85, 0.05, 5.0, new BigDecimal("2.50"), null, null);

    static List<SopRun> runs(int n, double hours, double automation, String cost) {
        return IntStream.range(0, n)
                .mapToObj(i -> new SopRun(
                        UUID.randomUUID(),
                        "lead-intake-qualification",
                        1,
                        Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i * 3600L),
                        hours,
                        automation,
                        new BigDecimal(cost)))
                .toList();
    }

    static List<ImprovementEvent> plan(List<SopRun> runs, int perWeek) {
        return EconomicPlan.plan(new SopAccount("lead-intake-qualification", TARGETS, runs, perWeek), BOUNDS);
    }

    @Test
    void nothingIsJudgedBeforeTenExecutions() {
        assertThat(plan(runs(9, 10, 0.2, "50"), 9)).isEmpty();
        assertThat(EconomicPlan.batch(19, 10)).isEqualTo(1);
        assertThat(EconomicPlan.batch(20, 10)).isEqualTo(2);
    }

    @Test
    void costMoreThan20PercentOverTargetIsMarginErosionForAPerson() {
        List<ImprovementEvent> found = plan(runs(10, 3, 0.9, "3.10"), 25);
        assertThat(found).singleElement().isInstanceOfSatisfying(MarginErosionDetected.class, m -> {
            assertThat(m.actualCost()).isEqualByComparingTo("3.10");
            assertThat(m.requiresHuman()).isTrue();
            // (3.10 − 2.50) × 25 a week × 4
            assertThat(m.monthlyLoss()).isEqualByComparingTo("60.00");
            assertThat(m.evidence()).hasSize(10);
        });
    }

    @Test
    void costSlightlyOverTargetIsAMarginLeakWithItsMonthlySavings() {
        assertThat(plan(runs(10, 3, 0.9, "2.75"), 10))
                .singleElement()
                .isInstanceOfSatisfying(SopOptimizationRecommended.class, o -> {
                    assertThat(o.metric()).isEqualTo("cost");
                    assertThat(o.monthlySavings()).isEqualByComparingTo("10.00"); // 0.25 × 10 × 4
                });
    }

    @Test
    void slowOrUnderAutomatedRunsGetRecommendations() {
        List<ImprovementEvent> found = plan(runs(10, 5, 0.5, "2.00"), 10);
        assertThat(found)
                .extracting(e -> ((SopOptimizationRecommended) e).metric())
                .containsExactly("cycle_time", "automation_rate");
        assertThat(plan(runs(10, 4.7, 0.85, "2.00"), 10))
                .as("4.7 h is within 1.2 × 4 h; 85% meets the target")
                .isEmpty();
    }

    @Test
    void onlyTheLatestFullBatchIsJudged() {
        var runs = new java.util.ArrayList<>(runs(10, 3, 0.9, "9.00"));
        runs.addAll(runs(10, 3, 0.9, "2.00"));
        runs.addAll(runs(5, 3, 0.9, "9.00"));
        assertThat(plan(runs, 10)).as("the second batch met its targets").isEmpty();
    }
}

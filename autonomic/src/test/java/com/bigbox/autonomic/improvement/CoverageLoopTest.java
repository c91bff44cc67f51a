package com.bigbox.autonomic.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent.AutomationGapDetected;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ManualTask;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.RaisedSignal;
import com.bigbox.autonomic.improvement.loops.CoverageLoop;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoverageLoopTest {
    static final Doctrine.CoverageBounds BOUNDS = Doctrine.shipped().loops().coverage();
    static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

    static ManualTask task(String kind, int daysAgo, Double minutes) {
        return new ManualTask(
                UUID.randomUUID(), "t", kind, "person:sam", NOW.minus(Duration.ofDays(daysAgo)), minutes, null);
    }

    @Test
    void theSameKindOfManualTaskTwiceIsAGapWithItsCostPerWeekAndAReviewDueIn7Days() {
        var tasks = List.of(
                task("crm_update", 14, 30.0),
                task("crm_update", 7, 60.0),
                task("crm_update", 0, null),
                task("status_report", 3, 45.0));
        List<AutomationGapDetected> gaps = CoverageLoop.plan(tasks, Map.of(), BOUNDS, NOW);
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.taskKind()).isEqualTo("crm_update");
            assertThat(g.occurrences()).isEqualTo(3);
            // 30 + 60 + 30 (default) minutes over two weeks: 1 hour a week, 100 a week at 100/h.
            assertThat(g.hoursPerWeek()).isEqualTo(1.0);
            assertThat(g.costPerWeek()).isEqualByComparingTo(new BigDecimal("100.00"));
            assertThat(g.reviewDueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
            assertThat(g.evidence()).hasSize(3);
        });
    }

    @Test
    void anOpenGapOfThatKindIsNotRaisedAgainAndAfterItOnlyNewTasksCount() {
        var tasks = List.of(task("crm_update", 5, 30.0), task("crm_update", 4, 30.0), task("crm_update", 1, 30.0));
        var open =
                new RaisedSignal(EventTypes.AUTOMATION_GAP_DETECTED, "crm_update", NOW.minus(Duration.ofDays(3)), true);
        assertThat(CoverageLoop.plan(tasks, Map.of("crm_update", open), BOUNDS, NOW))
                .isEmpty();
        assertThat(CoverageLoop.plan(tasks.subList(0, 1), Map.of(), BOUNDS, NOW))
                .as("once is no gap")
                .isEmpty();
        var acknowledged = new RaisedSignal(
                EventTypes.AUTOMATION_GAP_DETECTED, "crm_update", NOW.minus(Duration.ofDays(3)), false);
        assertThat(CoverageLoop.plan(tasks, Map.of("crm_update", acknowledged), BOUNDS, NOW))
                .as("one task since the acknowledged gap")
                .isEmpty();
        var more = new java.util.ArrayList<>(tasks);
        more.add(task("crm_update", 0, 30.0));
        assertThat(CoverageLoop.plan(more, Map.of("crm_update", acknowledged), BOUNDS, NOW))
                .singleElement()
                .satisfies(g -> assertThat(g.occurrences()).isEqualTo(2));
    }
}

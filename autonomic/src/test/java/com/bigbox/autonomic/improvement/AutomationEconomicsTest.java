package com.bigbox.autonomic.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ExecutedDecision;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.ManualTask;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.SopRun;
import com.bigbox.autonomic.improvement.loops.AutomationEconomics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The original's economics: opportunities at 5 recurrences worth over 500 a month; monthly ROI with 15 minutes an override. */
class AutomationEconomicsTest {
    static final Doctrine DOCTRINE = Doctrine.shipped();
    static final Doctrine.CoverageBounds COVERAGE = DOCTRINE.loops().coverage();
    static final Doctrine.EconomicBounds BOUNDS = DOCTRINE.loops().economic();
    static final Instant MARCH = Instant.parse("2026-03-02T10:00:00Z");

    static List<ManualTask> tasks(String kind, int n, Double minutes) {
        var list = new ArrayList<ManualTask>();
        for (int i = 0; i < n; i++) {
            list.add(new ManualTask(
                    UUID.randomUUID(), kind + i, kind, "person:sam", MARCH.plus(Duration.ofDays(i)), minutes, null));
        }
        return list;
    }

    @Test
    void recurringManualWorkWorthOver500AMonthIsAnOpportunity() {
        var all = new ArrayList<ManualTask>();
        all.addAll(tasks("crm_update", 12, null)); // 12 x 30 min at 100/h = 600 a month
        all.addAll(tasks("status_report", 4, 240.0)); // 1,600 a month, but only 4 times
        all.addAll(tasks("timesheet_chase", 6, 45.0)); // 6 times, 450 a month
        assertThat(AutomationEconomics.opportunities(all, COVERAGE, BOUNDS))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.taskKind()).isEqualTo("crm_update");
                    assertThat(o.occurrences()).isEqualTo(12);
                    assertThat(o.costPerMonth()).isEqualByComparingTo("600.00");
                    assertThat(o.hoursPerMonth()).isEqualTo(6.0);
                    assertThat(o.evidence()).hasSize(12);
                });
        assertThat(AutomationEconomics.opportunities(tasks("crm_update", 11, 25.0), COVERAGE, BOUNDS))
                .as("458.33 a month is not over 500")
                .isEmpty();
    }

    @Test
    void theMonthsRoiWeighsTheTimeSavedAgainstSopCostsAndFifteenMinutesAnOverride() {
        var executed = new ArrayList<ExecutedDecision>();
        for (int i = 0; i < 300; i++) {
            executed.add(new ExecutedDecision(
                    UUID.randomUUID(),
                    "IntakeAgent",
                    "LEAD_QUALIFIED",
                    0.8,
                    MARCH.plus(Duration.ofHours(i)),
                    i < 20,
                    i < 20 ? "person:sam" : null));
        }
        executed.add(new ExecutedDecision(
                UUID.randomUUID(),
                "IntakeAgent",
                "LEAD_QUALIFIED",
                0.8,
                Instant.parse("2026-04-01T00:00:00Z"),
                true,
                "person:sam")); // April's: not March's
        var runs = List.of(new SopRun(UUID.randomUUID(), "lead-intake", 1, MARCH, 2.0, 0.8, new BigDecimal("1000.00")));
        var roi = AutomationEconomics.roi(YearMonth.of(2026, 3), executed, runs, COVERAGE, BOUNDS);
        // value 300 x 10 min at 100/h = 5,000; cost 1,000 + 20 x 15 min at 100/h = 1,500; ROI = 3,500 / 1,500
        assertThat(roi.month()).isEqualTo("2026-03");
        assertThat(roi.autonomousDecisions()).isEqualTo(300);
        assertThat(roi.overrides()).isEqualTo(20);
        assertThat(roi.value()).isEqualByComparingTo("5000.00");
        assertThat(roi.overrideCost()).isEqualByComparingTo("500.00");
        assertThat(roi.sopCost()).isEqualByComparingTo("1000.00");
        assertThat(roi.roi()).isEqualTo(2.33);
        assertThat(roi.meetsTarget()).as("above 200%").isTrue();
        assertThat(roi.evidence()).hasSize(20);

        var costly = AutomationEconomics.roi(
                YearMonth.of(2026, 3),
                executed,
                List.of(new SopRun(UUID.randomUUID(), "lead-intake", 1, MARCH, 2.0, 0.8, new BigDecimal("2000.00"))),
                COVERAGE,
                BOUNDS);
        assertThat(costly.roi()).isEqualTo(1.0);
        assertThat(costly.meetsTarget()).isFalse();
        assertThat(AutomationEconomics.roi(YearMonth.of(2026, 2), executed, List.of(), COVERAGE, BOUNDS)
                        .roi())
                .as("nothing cost anything: no ROI")
                .isNull();
    }
}

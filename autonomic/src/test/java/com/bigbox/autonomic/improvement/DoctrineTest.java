package com.bigbox.autonomic.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.Phase;
import com.bigbox.autonomic.improvement.doctrine.RuleAction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DoctrineTest {
    static final Doctrine DOCTRINE = Doctrine.shipped();
    static final LocalDate GO_LIVE = LocalDate.of(2026, 1, 5);

    static Instant day(int n) {
        return GO_LIVE.plusDays(n - 1).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    @Test
    void phasesFollowTheWeeksSinceGoLive() {
        assertThat(DOCTRINE.phaseAt(GO_LIVE, day(1))).isEqualTo(Phase.LEARNING);
        assertThat(DOCTRINE.phaseAt(GO_LIVE, day(14))).isEqualTo(Phase.LEARNING);
        assertThat(DOCTRINE.phaseAt(GO_LIVE, day(15))).isEqualTo(Phase.TRANSITION);
        assertThat(DOCTRINE.phaseAt(GO_LIVE, day(42))).isEqualTo(Phase.TRANSITION);
        assertThat(DOCTRINE.phaseAt(GO_LIVE, day(43))).isEqualTo(Phase.OPERATIONAL);
        assertThat(DOCTRINE.phaseAt(GO_LIVE, day(84))).isEqualTo(Phase.OPERATIONAL);
        assertThat(DOCTRINE.phaseAt(GO_LIVE, day(85))).isEqualTo(Phase.AUTONOMIC);
        assertThat(DOCTRINE.phaseAt(GO_LIVE, day(400))).isEqualTo(Phase.AUTONOMIC);
        assertThat(Doctrine.weekSince(GO_LIVE, day(8))).isEqualTo(2);
        assertThat(DOCTRINE.phaseAt(GO_LIVE, day(-3)))
                .as("before go-live counts as week 1")
                .isEqualTo(Phase.LEARNING);
    }

    @Test
    void theShippedDoctrineCarriesTheOriginalNumbers() {
        assertThat(DOCTRINE.version()).isEqualTo("1.2.0");
        assertThat(DOCTRINE.provenance()).isNotEmpty().allSatisfy((number, p) -> {
            assertThat(p.source()).as(number).isIn("original", "engine", "changed");
            assertThat(p.why()).as(number).isNotBlank();
        });
        assertThat(DOCTRINE.provenance().get("loops.threshold.override_ratio").source())
                .isEqualTo("changed");
        assertThat(DOCTRINE.provenance().get("loops.threshold.override_ratio").why())
                .contains("was 0.15");
        Doctrine.Loops loops = DOCTRINE.loops();
        assertThat(loops.drift().process().band()).isEqualTo(0.20);
        assertThat(loops.drift().process().humanAbove()).isEqualTo(0.30);
        assertThat(loops.drift().fatigue().overridesPerWeek()).isEqualTo(10);
        assertThat(loops.drift().attention().attendanceBelow()).isEqualTo(0.6);
        assertThat(loops.drift().confidence().minSamples()).isEqualTo(20);
        assertThat(loops.economic().everyExecutions()).isEqualTo(10);
        assertThat(loops.economic().cycleTimeSlippage()).isEqualTo(1.2);
        assertThat(loops.sopEvolution().explicitHumanAbove()).isEqualTo(10_000);
        assertThat(loops.sopEvolution().silentTimeoutAbove()).isEqualTo(1_000);
        assertThat(loops.coverage().hourlyRate()).isEqualTo(100);
        assertThat(DOCTRINE.rule("ceo_interrupts").maxPerWeek()).isEqualTo(7);
        assertThat(DOCTRINE.rule("ceo_interrupts").allowedReasons()).hasSize(4);
        assertThat(DOCTRINE.schedule("drift")).isEqualTo(Duration.ofHours(1));
        assertThat(DOCTRINE.schedule("threshold")).isEqualTo(Duration.ofDays(1));
        assertThat(DOCTRINE.schedule("weekly_review")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theApprovalClassesOfProposalsTimeOutWhenTheDoctrineSays() {
        assertThat(ActionClasses.of(ActionClasses.SOP_CHANGE).timeout())
                .isEqualTo(Duration.ofHours(DOCTRINE.loops().sopEvolution().silentTimeoutHours()));
        assertThat(ActionClasses.of(ActionClasses.SOP_AUTOMATION).timeout())
                .isEqualTo(Duration.ofHours(DOCTRINE.loops().sopEvolution().automationOpportunityTimeoutHours()));
        assertThat(ActionClasses.of(ActionClasses.SOP_AUTOMATION).silenceApproves())
                .isTrue();
        assertThat(ActionClasses.of(ActionClasses.AGENT_CHANGE).silenceApproves())
                .isFalse();
    }

    @Test
    void whatEachRuleDoesInEachPhaseIsData() {
        assertThat(DOCTRINE.rule("manual_task_creation").actionIn(Phase.LEARNING))
                .isEqualTo(RuleAction.WARN);
        assertThat(DOCTRINE.rule("manual_task_creation").actionIn(Phase.TRANSITION))
                .isEqualTo(RuleAction.REQUIRE_JUSTIFICATION);
        assertThat(DOCTRINE.rule("manual_task_creation").actionIn(Phase.OPERATIONAL))
                .isEqualTo(RuleAction.ESCALATE);
        assertThatThrownBy(() -> DOCTRINE.rule("no_such_rule")).hasMessageContaining("no rule no_such_rule");
    }
}

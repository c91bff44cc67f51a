package com.bigbox.autonomic.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts.StepRecord;
import com.bigbox.autonomic.improvement.loops.SopEvolutionPlan;
import com.bigbox.autonomic.sop.SopVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SopEvolutionTest {
    static final Doctrine DOCTRINE = Doctrine.shipped();
    static final String DOCUMENT = """
            {"metadata": {"id": "lead-intake-qualification", "name": "Lead intake", "version": "1.0.0"},
             "steps": [{"step_id": "qualify_lead", "automation_level": "assisted", "human_minutes": 5},
                       {"step_id": "schedule_discovery_call", "automation_level": "full"}],
             "automation_policy": {"confidence_threshold": 0.75},
             "metrics": {"hourly_rate": 100}}""";
    static final SopVersion ACTIVE = new SopVersion(
            "lead-intake-qualification",
            3,
            DOCUMENT,
            "x",
            Instant.EPOCH,
            Instant.EPOCH,
            null,
            2,
            "explicit_human",
            "file");

    static StepRecord record(int byPerson, int agreed, double minutes) {
        return new StepRecord(
                "lead-intake-qualification",
                3,
                "qualify_lead",
                "assisted",
                byPerson + 5,
                byPerson,
                agreed,
                minutes,
                List.of(UUID.randomUUID()));
    }

    @Test
    void approvalFollowsTheImpactTiers() {
        var b = DOCTRINE.loops().sopEvolution();
        assertThat(SopEvolutionPlan.mechanism(new BigDecimal("10000.01"), b)).isEqualTo("explicit_human");
        assertThat(SopEvolutionPlan.mechanism(new BigDecimal("10000"), b)).isEqualTo("silent_timeout");
        assertThat(SopEvolutionPlan.mechanism(new BigDecimal("1000.01"), b)).isEqualTo("silent_timeout");
        assertThat(SopEvolutionPlan.mechanism(new BigDecimal("1000"), b)).isEqualTo("auto_approve");
    }

    @Test
    void aStepPeopleAlwaysApproveBecomesAutomaticInTheNextMinorVersion() {
        var plan = SopEvolutionPlan.plan(ACTIVE, List.of(record(60, 58, 15)), DOCTRINE)
                .orElseThrow();
        assertThat(plan.document().path("steps").get(0).path("automation_level").asText())
                .isEqualTo("full");
        assertThat(plan.document()
                        .path("automation_policy")
                        .path("confidence_threshold")
                        .asDouble())
                .isEqualTo(0.70);
        assertThat(plan.document().path("metadata").path("version").asText()).isEqualTo("1.1.0");
        assertThat(plan.changes())
                .extracting(c -> c.path())
                .containsExactly(
                        "steps[qualify_lead].automation_level",
                        "automation_policy.confidence_threshold",
                        "metadata.version");
        // 60 approvals of 15 minutes over 30 days: 60 / (30/7) × 4 × 0.25 h × 100 = 1,400 a month.
        assertThat(plan.monthlyImpact()).isEqualByComparingTo("1400.00");
        assertThat(plan.mechanism()).isEqualTo("silent_timeout");
        assertThat(plan.fromVersion()).isEqualTo(3);
    }

    @Test
    void tooFewOrTooOftenCorrectedStepsAreLeftAlone() {
        assertThat(SopEvolutionPlan.plan(ACTIVE, List.of(record(9, 9, 15)), DOCTRINE))
                .isEmpty();
        assertThat(SopEvolutionPlan.plan(ACTIVE, List.of(record(60, 56, 15)), DOCTRINE))
                .as("93% < 95%")
                .isEmpty();
        var otherVersion =
                new StepRecord("lead-intake-qualification", 2, "qualify_lead", "assisted", 70, 60, 60, 15, List.of());
        assertThat(SopEvolutionPlan.plan(ACTIVE, List.of(otherVersion), DOCTRINE))
                .as("evidence of an older version")
                .isEmpty();
    }

    @Test
    void aFullStepStillReachingPeopleLowersTheThresholdUntilTheDoctrinesMinimum() {
        String evolved = DOCUMENT.replace("\"automation_level\": \"assisted\"", "\"automation_level\": \"full\"");
        var full = new StepRecord(
                "lead-intake-qualification", 4, "qualify_lead", "full", 30, 25, 25, 5, List.of(UUID.randomUUID()));
        var v4 = new SopVersion(
                "lead-intake-qualification",
                4,
                evolved,
                "x",
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                3,
                "silent_timeout",
                "p");
        var plan = SopEvolutionPlan.plan(v4, List.of(full), DOCTRINE).orElseThrow();
        assertThat(plan.changes())
                .extracting(c -> c.path())
                .containsExactly("automation_policy.confidence_threshold", "metadata.version");
        String atMinimum = evolved.replace("0.75", "0.60");
        var v5 = new SopVersion(
                "lead-intake-qualification",
                4,
                atMinimum,
                "x",
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                3,
                "silent_timeout",
                "p");
        assertThat(SopEvolutionPlan.plan(v5, List.of(full), DOCTRINE))
                .as("nothing left to give")
                .isEmpty();
    }

    @Test
    void versionsBumpTheirMinor() {
        assertThat(SopEvolutionPlan.minorBump("1.2.3")).isEqualTo("1.3.0");
        assertThat(SopEvolutionPlan.minorBump("2")).isEqualTo("2.1.0");
        assertThat(SopEvolutionPlan.minorBump("draft")).isEqualTo("draft.1");
    }
}

package com.bigbox.autonomic.reasoning;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.MeetingEvent;
import com.bigbox.autonomic.projects.ProjectEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBasedReasonerTest {
    final RuleBasedReasoner rules = new RuleBasedReasoner();

    @Test
    void theOriginalsScoringWithEverySignalIsAPriorityLead() {
        Qualification q = rules.qualify(new LeadFacts(
                "Ada", "ada@acme.test", "+1 555 0100", "Acme", new BigDecimal("40000"), "x".repeat(120), "high"));
        assertThat(q.score()).isEqualTo(100);
        assertThat(q.confidence()).isEqualTo(0.95);
        assertThat(q.priority()).isEqualTo("high");
        assertThat(q.qualified()).isTrue();
        assertThat(q.reasons())
                .contains(
                        "urgency is high (+20)",
                        "company named: Acme (+10)",
                        "email and phone given (+10)",
                        "message over 100 characters (+10)");
    }

    @Test
    void aBareLeadQualifiesWithLowConfidence() {
        Qualification q = rules.qualify(new LeadFacts("Test Client", "test@example.com", null, null, null, "Hi", null));
        assertThat(q.score()).isEqualTo(50);
        assertThat(q.confidence()).isEqualTo(0.70);
        assertThat(q.qualified()).isTrue();
        assertThat(q.priority()).isEqualTo("standard");
    }

    @Test
    void aBudgetBelowTheMinimumOrNoEmailDisqualifies() {
        assertThat(rules.qualify(new LeadFacts("A", "a@b.test", null, "Co", new BigDecimal("500"), null, null))
                        .qualified())
                .isFalse();
        Qualification noEmail = rules.qualify(new LeadFacts("A", null, null, "Co", null, null, null));
        assertThat(noEmail.qualified()).isFalse();
        assertThat(noEmail.confidence()).isEqualTo(0.60);
    }

    @Test
    void negativeSentimentIsARelationshipRiskGradedBySeverity() {
        var meeting = new MeetingEvent.Completed(
                "c",
                "m",
                -0.8,
                true,
                List.of("Send logo options", "Prepare the quote"),
                List.of("new brand"),
                null,
                new BigDecimal("30000"),
                8,
                "They want a new brand identity");
        MeetingInsight insight = rules.analyse(meeting);
        assertThat(insight.serviceType()).isEqualTo("brand_identity");
        assertThat(insight.tasks())
                .extracting(MeetingInsight.TaskToCreate::role)
                .containsExactly("designer", "finance");
        assertThat(insight.risk()).hasValueSatisfying(r -> {
            assertThat(r.riskType()).isEqualTo("relationship");
            assertThat(r.severity()).isEqualTo("critical");
        });
        assertThat(insight.confidence()).isEqualTo(0.85);
    }

    @Test
    void aQuoteAtTheClientsBudgetCloseToTheRateCardIsConfident() {
        StrategyPlan plan = rules.plan(new MeetingEvent.IntentInferred(
                "c", "m", "campaign", "campaign", List.of("launch"), new BigDecimal("25000"), 7));
        assertThat(plan.quoteAmount()).isEqualByComparingTo("25000");
        assertThat(plan.confidence()).isEqualTo(0.95);
        assertThat(plan.teamSize()).isEqualTo(3);
        StrategyPlan estimated =
                rules.plan(new MeetingEvent.IntentInferred("c", "m", "web", "web", List.of(), null, null));
        assertThat(estimated.quoteAmount()).isEqualByComparingTo("45000");
        assertThat(estimated.confidence()).isEqualTo(0.75);
    }

    @Test
    void aShortTimelineOrSmallTeamPutsAProjectAtRisk() {
        ProjectAssessment a =
                rules.assess(new ProjectEvent.Started("c", "p", "q", "campaign", new BigDecimal("20000"), 3, 1));
        assertThat(a.riskFactors()).containsExactly("timeline of 3 weeks is under 4", "team of 1 is under 2");
        assertThat(rules.assess(new ProjectEvent.Started("c", "p", "q", "campaign", new BigDecimal("20000"), 8, 3))
                        .riskFactors())
                .isEmpty();
    }

    @Test
    void invoicesAreAFiftyPercentDepositDueInFourteenDays() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        InvoicePlan plan = rules.invoice("deposit", new BigDecimal("25000"), false, now);
        assertThat(plan.amount()).isEqualByComparingTo("12500.00");
        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2026-03-16T10:00:00Z"));
    }
}

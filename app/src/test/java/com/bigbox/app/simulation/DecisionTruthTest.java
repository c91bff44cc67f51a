package com.bigbox.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.EventCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTruthTest {
    private static LeadCase lead(boolean qualified, boolean unhappy, boolean projectAtRisk, boolean owes) {
        return new LeadCase(1, "SIM-1-1", Instant.EPOCH,
                new LeadCase.Truth(qualified, "campaign", new BigDecimal("8000"), unhappy, projectAtRisk, owes, true),
                new LeadCase.Inquiry("n", "n@x.test", null, null, null, "hi", null),
                new LeadCase.Meeting(true, 0.5, null, null, null, List.of(), List.of()),
                new LeadCase.Project(6, 3), new LeadCase.Payments(5, 1, 0, 10));
    }

    private static DecisionTruth.Judgement judge(LeadCase lead, String type, String payload) {
        return DecisionTruth.judge(lead, type, EventCodec.tree(payload));
    }

    @Test
    void qualifyingIsRightForAQualifiedLeadAndTurningDownForAnUnqualifiedOne() {
        assertThat(judge(lead(true, false, false, true), "LEAD_QUALIFIED", "{}").correct()).isTrue();
        assertThat(judge(lead(false, false, false, true), "LEAD_QUALIFIED", "{}").correct()).isFalse();
        assertThat(judge(lead(false, false, false, true), "LEAD_DISQUALIFIED", "{}").correct()).isTrue();
        assertThat(judge(lead(false, false, false, true), "MEETING_SCHEDULED", "{}").correct()).isFalse();
    }

    @Test
    void anInferredServiceIsRightOnlyWhenItIsTheRealOne() {
        assertThat(judge(lead(true, false, false, true), "INTENT_INFERRED", "{\"service_type\":\"campaign\"}").correct()).isTrue();
        assertThat(judge(lead(true, false, false, true), "PROJECT_RECOMMENDED", "{\"service_type\":\"web\"}").correct()).isFalse();
    }

    @Test
    void aQuoteFarFromTheBudgetIsCorrectedToTheBudgetNotRejected() {
        var fair = judge(lead(true, false, false, true), "QUOTE_GENERATED", "{\"amount\": 9500}");
        var far = judge(lead(true, false, false, true), "QUOTE_GENERATED", "{\"amount\": 21000}");
        assertThat(fair.correct()).isTrue();
        assertThat(far.correct()).isFalse();
        assertThat(far.correction()).containsEntry("amount", new BigDecimal("8000"));
    }

    @Test
    void aRiskOrAReminderIsRightWhenItIsReal() {
        assertThat(judge(lead(true, true, false, true), "RISK_DETECTED", "{\"risk_type\":\"relationship\"}").correct()).isTrue();
        assertThat(judge(lead(true, false, false, true), "RISK_DETECTED", "{\"risk_type\":\"relationship\"}").correct()).isFalse();
        assertThat(judge(lead(true, false, false, true), "RISK_DETECTED", "{\"risk_type\":\"agent_failure\"}").correct()).isTrue();
        assertThat(judge(lead(true, false, true, true), "PROJECT_AT_RISK", "{}").correct()).isTrue();
        assertThat(judge(lead(true, false, false, true), "PROJECT_AT_RISK", "{}").correct()).isFalse();
        assertThat(judge(lead(true, false, false, false), "PAYMENT_REMINDER_SENT", "{}").correct()).isFalse();
    }

    @Test
    void aDecisionOutsideAnyLeadsStoryIsRight() {
        assertThat(DecisionTruth.judge(null, "LEAD_QUALIFIED", EventCodec.tree("{}")).correct()).isTrue();
    }
}

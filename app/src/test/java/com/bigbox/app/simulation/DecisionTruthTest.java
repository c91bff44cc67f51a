package com.bigbox.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.events.EventCatalogue;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.runtime.ShippedAgents;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionTruthTest {
    private static final DecisionTruth TRUTH = new DecisionTruth(new Staff(1));

    private static LeadCase lead(boolean qualified, boolean unhappy, boolean projectAtRisk, boolean owes) {
        return lead(qualified, unhappy, projectAtRisk, owes, false);
    }

    private static LeadCase lead(
            boolean qualified, boolean unhappy, boolean projectAtRisk, boolean owes, boolean cancels) {
        return new LeadCase(
                1,
                "SIM-1-1",
                Instant.EPOCH,
                new LeadCase.Truth(
                        qualified,
                        "campaign",
                        new BigDecimal("8000"),
                        unhappy,
                        projectAtRisk,
                        owes,
                        true,
                        List.of("Send moodboard examples"),
                        cancels),
                new LeadCase.Inquiry("n", "n@x.test", null, null, null, "hi", null),
                new LeadCase.Meeting(true, 0.5, null, null, null, List.of(), List.of()),
                new LeadCase.Project(6, 3),
                new LeadCase.Payments(5, 1, 0, 10));
    }

    static RecordedEvent decision(String type, String payload, Instant at) {
        return new RecordedEvent(
                UUID.randomUUID(),
                type,
                StreamId.of("X", "1"),
                1,
                new com.bigbox.core.Position(1, 1),
                payload,
                "{}",
                UUID.randomUUID(),
                null,
                "SomeAgent",
                null,
                at,
                at);
    }

    private static DecisionTruth.Verdict judge(LeadCase lead, String type, String payload) {
        return TRUTH.judge(lead, decision(type, payload, Instant.parse("2026-01-06T10:00:00Z")))
                .verdict();
    }

    /** Every type a shipped agent emits as a decision (not a record it keeps) has a rule, and every rule is a registered type. */
    @Test
    void everyDecisionTypeTheAgentsEmitHasATruth() {
        var decisionTypes = new TreeSet<String>();
        for (var agent : ShippedAgents.all()) {
            AgentDefinition d = agent.definition();
            d.emits().stream().filter(t -> !d.records().contains(t)).forEach(decisionTypes::add);
        }
        assertThat(decisionTypes)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(EventCatalogue.isDeclared(t)).isTrue());
        assertThat(DecisionTruth.RULES.keySet()).containsAll(decisionTypes);
        assertThat(DecisionTruth.RULES.keySet())
                .allSatisfy(t -> assertThat(EventCatalogue.isDeclared(t)).as(t).isTrue());
    }

    @Test
    void aTypeWithoutATruthFailsTheRunInsteadOfCountingAsRight() {
        assertThatThrownBy(() -> judge(lead(true, false, false, true), "LEAD_REQUALIFIED", "{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no truth for the decision type LEAD_REQUALIFIED");
    }

    @Test
    void qualifyingIsRightForAQualifiedLeadAndTurningDownForAnUnqualifiedOne() {
        assertThat(judge(lead(true, false, false, true), EventTypes.LEAD_QUALIFIED, "{}"))
                .isEqualTo(DecisionTruth.Verdict.RIGHT);
        assertThat(judge(lead(false, false, false, true), EventTypes.LEAD_QUALIFIED, "{}"))
                .isEqualTo(DecisionTruth.Verdict.WRONG);
        assertThat(judge(lead(false, false, false, true), EventTypes.LEAD_DISQUALIFIED, "{}"))
                .isEqualTo(DecisionTruth.Verdict.RIGHT);
        assertThat(judge(lead(false, false, false, true), EventTypes.MEETING_SCHEDULED, "{}"))
                .isEqualTo(DecisionTruth.Verdict.WRONG);
    }

    @Test
    void anInferredServiceIsRightOnlyWhenItIsTheRealOne() {
        assertThat(judge(lead(true, false, false, true), EventTypes.INTENT_INFERRED, "{\"service_type\":\"campaign\"}"))
                .isEqualTo(DecisionTruth.Verdict.RIGHT);
        assertThat(judge(lead(true, false, false, true), EventTypes.PROJECT_RECOMMENDED, "{\"service_type\":\"web\"}"))
                .isEqualTo(DecisionTruth.Verdict.WRONG);
    }

    @Test
    void aQuoteFarFromTheBudgetIsCorrectedToTheBudgetNotRejected() {
        var far = TRUTH.judge(
                lead(true, false, false, true),
                decision(EventTypes.QUOTE_GENERATED, "{\"amount\": 21000}", Instant.EPOCH));
        assertThat(judge(lead(true, false, false, true), EventTypes.QUOTE_GENERATED, "{\"amount\": 9500}"))
                .isEqualTo(DecisionTruth.Verdict.RIGHT);
        assertThat(far.wrong()).isTrue();
        assertThat(far.correction()).containsEntry("amount", new BigDecimal("8000"));
    }

    @Test
    void aRiskOrAReminderIsRightWhenItIsReal() {
        assertThat(judge(lead(true, true, false, true), EventTypes.RISK_DETECTED, "{\"risk_type\":\"relationship\"}"))
                .isEqualTo(DecisionTruth.Verdict.RIGHT);
        assertThat(judge(lead(true, false, false, true), EventTypes.RISK_DETECTED, "{\"risk_type\":\"relationship\"}"))
                .isEqualTo(DecisionTruth.Verdict.WRONG);
        assertThat(judge(lead(true, false, false, true), EventTypes.RISK_DETECTED, "{\"risk_type\":\"agent_failure\"}"))
                .isEqualTo(DecisionTruth.Verdict.UNJUDGED);
        assertThat(judge(lead(true, false, true, true), EventTypes.PROJECT_AT_RISK, "{}"))
                .isEqualTo(DecisionTruth.Verdict.RIGHT);
        assertThat(judge(lead(true, false, false, true), EventTypes.PROJECT_AT_RISK, "{}"))
                .isEqualTo(DecisionTruth.Verdict.WRONG);
        assertThat(judge(lead(true, false, false, false), EventTypes.PAYMENT_REMINDER_SENT, "{}"))
                .isEqualTo(DecisionTruth.Verdict.WRONG);
    }

    @Test
    void aTaskIsRightWhenTheClientAskedForItWhateverItsCase() {
        assertThat(judge(
                        lead(true, false, false, true),
                        EventTypes.TASK_CREATED,
                        "{\"title\":\"send moodboard examples\"}"))
                .isEqualTo(DecisionTruth.Verdict.RIGHT);
        assertThat(judge(
                        lead(true, false, false, true),
                        EventTypes.TASK_CREATED,
                        "{\"title\":\"Send the proposal deck\"}"))
                .isEqualTo(DecisionTruth.Verdict.WRONG);
    }

    @Test
    void anAssignmentIsWrongOnADayTheAssigneeCannotTakeWork() {
        var staff = new Staff(1);
        LocalDate day = LocalDate.of(2026, 1, 5);
        String person = "dana";
        LocalDate away = day, free = day;
        for (int i = 0;
                i < 400 && (staff.unavailable(person, away) == null || staff.unavailable(person, free) != null);
                i++) {
            if (staff.unavailable(person, away) == null) {
                away = away.plusDays(1);
            }
            if (staff.unavailable(person, free) != null) {
                free = free.plusDays(1);
            }
        }
        String payload = "{\"assignee\":\"" + person + "\"}";
        assertThat(TRUTH.judge(null, decision(EventTypes.TASK_ASSIGNED, payload, at(away)))
                        .verdict())
                .isEqualTo(DecisionTruth.Verdict.WRONG);
        assertThat(TRUTH.judge(null, decision(EventTypes.TASK_ASSIGNED, payload, at(free)))
                        .verdict())
                .isEqualTo(DecisionTruth.Verdict.RIGHT);
    }

    @Test
    void anInvoiceIsWrongForAWrongAmountOrAProjectCalledOff() {
        assertThat(judge(lead(true, false, false, true), EventTypes.INVOICE_ISSUED, "{\"amount\": 4000}"))
                .isEqualTo(DecisionTruth.Verdict.RIGHT);
        assertThat(judge(lead(true, false, false, true), EventTypes.INVOICE_ISSUED, "{\"amount\": 9000}"))
                .isEqualTo(DecisionTruth.Verdict.WRONG);
        assertThat(judge(lead(true, false, false, true, true), EventTypes.INVOICE_ISSUED, "{\"amount\": 4000}"))
                .isEqualTo(DecisionTruth.Verdict.WRONG);
    }

    @Test
    void aDecisionWhoseTruthIsUnknownIsUnjudgedNeverRight() {
        assertThat(judge(null, EventTypes.LEAD_QUALIFIED, "{}")).isEqualTo(DecisionTruth.Verdict.UNJUDGED);
        assertThat(judge(lead(true, false, false, true), EventTypes.QUOTE_GENERATED, "{}"))
                .isEqualTo(DecisionTruth.Verdict.UNJUDGED);
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }
}

package com.bigbox.autonomic.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.agents.AutonomyLevel;
import com.bigbox.autonomic.agents.DecisionMetadata;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The governor's rules, in the original engine's order. */
class OversightPolicyTest {
    final OversightPolicy policy = new OversightPolicy(
            new CeoCriteria(Doctrine.shipped().rule("ceo_interrupts").allowedReasons()));
    final AgentSettings assisted = AgentSettings.defaults(0.75);

    static DecisionFacts decision(String type, double confidence, String amount, String actionClass) {
        return new DecisionFacts(
                "StrategyAgent",
                type,
                confidence,
                amount == null ? null : new BigDecimal(amount),
                null,
                null,
                false,
                0,
                null,
                null,
                actionClass,
                null,
                null,
                new DecisionMetadata(List.of(), "rules", actionClass, null, null, null, List.of()));
    }

    static DecisionFacts risk(String riskType, String severity, boolean requiresHuman) {
        return new DecisionFacts(
                "MeetingIntelligenceAgent",
                "RISK_DETECTED",
                0.85,
                null,
                severity,
                riskType,
                requiresHuman,
                0,
                null,
                null,
                "relationship_risk",
                null,
                null,
                new DecisionMetadata(List.of(), "rules", null, null, null, null, List.of()));
    }

    @Test
    void aConfidentRoutineDecisionExecutes() {
        Verdict v = policy.evaluate(decision("LEAD_QUALIFIED", 0.9, null, "routine"), assisted, List.of());
        assertThat(v).isInstanceOf(Verdict.Execute.class);
        assertThat(v.reasons())
                .anySatisfy(r -> assertThat(r).contains("0.90 is at or above StrategyAgent's threshold 0.75"));
    }

    @Test
    void belowTheThresholdAPersonDecidesAndSilenceApprovesRoutineWork() {
        Verdict v = policy.evaluate(decision("LEAD_QUALIFIED", 0.7, null, "routine"), assisted, List.of());
        assertThat(v).isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
            assertThat(h.rule()).isEqualTo("low_confidence");
            assertThat(h.silenceApproves()).isTrue();
            assertThat(h.role()).isEqualTo("employee");
        });
    }

    @Test
    void lowConfidenceComesBeforeTheCeoAsInTheOriginal() {
        Verdict v = policy.evaluate(decision("QUOTE_GENERATED", 0.5, "250000", "financial"), assisted, List.of());
        assertThat(v).isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
            assertThat(h.rule()).isEqualTo("low_confidence");
            assertThat(h.silenceApproves()).as("money never passes by silence").isFalse();
        });
    }

    @Test
    void tenTimesTheFinancialLimitInterruptsTheCeo() {
        assertThat(policy.evaluate(decision("QUOTE_GENERATED", 0.95, "100001", "financial"), assisted, List.of()))
                .isInstanceOfSatisfying(
                        Verdict.InterruptCeo.class,
                        c -> assertThat(c.reasons().getFirst()).contains("CEO limit 100000"));
        assertThat(policy.evaluate(decision("QUOTE_GENERATED", 0.95, "100000", "financial"), assisted, List.of()))
                .isInstanceOf(Verdict.RequireHuman.class);
    }

    @Test
    void aboveTheFinancialLimitAPersonDecidesBelowItExecutes() {
        assertThat(policy.evaluate(decision("INVOICE_ISSUED", 0.9, "12500", "financial"), assisted, List.of()))
                .isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
                    assertThat(h.rule()).isEqualTo("financial_limit");
                    assertThat(h.role()).isEqualTo("finance");
                });
        assertThat(policy.evaluate(decision("INVOICE_ISSUED", 0.9, "9999.99", "financial"), assisted, List.of()))
                .isInstanceOf(Verdict.Execute.class);
    }

    @Test
    void risksFollowTheOriginalsOrder() {
        assertThat(policy.evaluate(risk("relationship", "critical", true), assisted, List.of()))
                .isInstanceOf(Verdict.InterruptCeo.class);
        assertThat(policy.evaluate(risk("legal", "high", false), assisted, List.of()))
                .isInstanceOfSatisfying(
                        Verdict.RequireHuman.class, h -> assertThat(h.rule()).isEqualTo("ceo_reason_queued"));
        assertThat(policy.evaluate(risk("relationship", "high", true), assisted, List.of()))
                .isInstanceOfSatisfying(
                        Verdict.RequireHuman.class, h -> assertThat(h.rule()).isEqualTo("requires_human"));
        assertThat(policy.evaluate(risk("delivery", "critical", false), assisted, List.of()))
                .isInstanceOfSatisfying(
                        Verdict.RequireHuman.class, h -> assertThat(h.rule()).isEqualTo("critical_risk"));
    }

    @Test
    void moreThanThreeRiskFactorsGoToAManagerAtCriticalPriorityNotToTheCeo() {
        var facts = new DecisionFacts(
                "ProjectControlAgent",
                "PROJECT_AT_RISK",
                0.85,
                null,
                null,
                null,
                false,
                4,
                null,
                null,
                "delivery_risk",
                null,
                null,
                new DecisionMetadata(List.of(), "rules", null, null, null, null, List.of()));
        assertThat(policy.evaluate(facts, assisted, List.of()))
                .isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
                    assertThat(h.rule()).isEqualTo("ceo_reason_queued");
                    assertThat(h.priority()).isEqualTo("critical");
                    assertThat(h.role())
                            .as("delivery_risk's first role; unanswered, it climbs to the CEO")
                            .isEqualTo("manager");
                    assertThat(h.silenceApproves()).isFalse();
                    assertThat(h.reasons().getFirst())
                            .contains("4 risk factors", "not among the doctrine's reasons to interrupt the CEO");
                });
        var everyReason = new OversightPolicy(new CeoCriteria(Map.of("factors", "risk factors")));
        assertThat(everyReason.evaluate(facts, assisted, List.of()))
                .as("a doctrine that names the reason lets it interrupt the CEO")
                .isInstanceOf(Verdict.InterruptCeo.class);
    }

    @Test
    void aLegalRiskOfARoutineWriterGoesToAManagerThenTheCeoNeverToAnEmployee() {
        var legal = new DecisionFacts(
                "psql",
                "RISK_DETECTED",
                1.0,
                null,
                "critical",
                "legal",
                false,
                0,
                null,
                null,
                "routine",
                null,
                null,
                new DecisionMetadata(List.of(), "rules", null, null, null, null, List.of()));
        assertThat(policy.evaluate(legal, assisted, List.of()))
                .isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
                    assertThat(h.actionClass()).isEqualTo("critical_matter");
                    assertThat(h.role()).isEqualTo("manager");
                    assertThat(h.priority()).isEqualTo("critical");
                    assertThat(h.silenceApproves()).isFalse();
                });
        assertThat(com.bigbox.autonomic.approvals.ActionClasses.of("critical_matter")
                        .roleAt(1))
                .as("unanswered, it climbs to the CEO")
                .contains("ceo");
    }

    @Test
    void billingACommitmentAboveTheCeoLimitIsTheFinanceQueuesNotTheCeos() {
        assertThat(policy.evaluate(decision("QUOTE_APPROVED", 0.95, "250000", "financial"), assisted, List.of()))
                .as("committing to a deal above the CEO limit is the CEO's")
                .isInstanceOf(Verdict.InterruptCeo.class);
        for (String followThrough : List.of("INVOICE_ISSUED", "PAYMENT_REMINDER_SENT", "PAYMENT_RECEIVED")) {
            assertThat(policy.evaluate(decision(followThrough, 0.95, "250000", "financial"), assisted, List.of()))
                    .as(followThrough)
                    .isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
                        assertThat(h.rule()).isEqualTo("financial_limit");
                        assertThat(h.role()).isEqualTo("finance");
                        assertThat(h.silenceApproves())
                                .as("money never passes by silence")
                                .isFalse();
                    });
        }
    }

    @Test
    void protectedActionsAndActionsAnSopForbidsNeedAPerson() {
        assertThat(policy.evaluate(decision("QUOTE_GENERATED", 0.99, "100", "contract"), assisted, List.of()))
                .isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
                    assertThat(h.rule()).isEqualTo("protected_action");
                    assertThat(h.requiredApprovals()).isEqualTo(2);
                });
        var forbidding = new SopPolicy("lead-intake-qualification", Set.of("commit_pricing"), null, null, false);
        var quote = new DecisionFacts(
                "StrategyAgent",
                "QUOTE_GENERATED",
                0.99,
                new BigDecimal("500"),
                null,
                null,
                false,
                0,
                null,
                null,
                "financial",
                "commit_pricing",
                null,
                new DecisionMetadata(List.of(), "rules", "financial", "commit_pricing", null, null, List.of()));
        assertThat(policy.evaluate(quote, assisted, List.of(forbidding)))
                .isInstanceOfSatisfying(
                        Verdict.RequireHuman.class,
                        h -> assertThat(h.reasons().getFirst())
                                .contains("forbidden to automation by SOP lead-intake-qualification"));
    }

    @Test
    void anSopOnlyTightensTheAgentsSettings() {
        var strict = new SopPolicy("crisis", Set.of(), 1.0, new BigDecimal("500"), true);
        assertThat(policy.evaluate(decision("TASK_CREATED", 0.95, null, "routine"), assisted, List.of(strict)))
                .isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
                    assertThat(h.rule()).isEqualTo("low_confidence");
                    assertThat(h.requiredApprovals()).isEqualTo(2);
                });
        var lax = new SopPolicy("lax", Set.of(), 0.1, new BigDecimal("1000000"), false);
        assertThat(policy.evaluate(decision("INVOICE_ISSUED", 0.9, "12500", "financial"), assisted, List.of(lax)))
                .isInstanceOf(Verdict.RequireHuman.class);
    }

    @Test
    void autonomyLevelsChangeWhoDecides() {
        var supervised = new AgentSettings(0.75, AutonomyLevel.SUPERVISED, AgentSettings.DEFAULT_FINANCIAL_LIMIT);
        assertThat(policy.evaluate(decision("TASK_ASSIGNED", 0.95, null, "routine"), supervised, List.of()))
                .isInstanceOfSatisfying(
                        Verdict.RequireHuman.class, h -> assertThat(h.rule()).isEqualTo("supervised"));
        var autonomous = new AgentSettings(0.75, AutonomyLevel.AUTONOMOUS, AgentSettings.DEFAULT_FINANCIAL_LIMIT);
        assertThat(policy.evaluate(decision("PROJECT_AT_RISK", 0.6, null, "delivery_risk"), autonomous, List.of()))
                .isInstanceOfSatisfying(
                        Verdict.RequireHuman.class,
                        h -> assertThat(h.silenceApproves()).isTrue());
        assertThat(policy.evaluate(decision("PROJECT_AT_RISK", 0.6, null, "delivery_risk"), assisted, List.of()))
                .isInstanceOfSatisfying(
                        Verdict.RequireHuman.class,
                        h -> assertThat(h.silenceApproves()).isFalse());
    }

    @Test
    void aDecisionThatAsksForAPersonIsNeverApprovedBySilenceEvenFromAnAutonomousAgent() {
        var autonomous = new AgentSettings(0.75, AutonomyLevel.AUTONOMOUS, AgentSettings.DEFAULT_FINANCIAL_LIMIT);
        var unsure = new DecisionFacts(
                "MeetingIntelligenceAgent",
                "RISK_DETECTED",
                0.55,
                null,
                "medium",
                "relationship",
                true,
                0,
                null,
                null,
                "relationship_risk",
                null,
                null,
                new DecisionMetadata(List.of(), "rules", null, null, null, null, List.of()));
        assertThat(policy.evaluate(unsure, autonomous, List.of()))
                .isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
                    assertThat(h.rule()).isEqualTo("low_confidence");
                    assertThat(h.silenceApproves()).isFalse();
                });
    }

    @Test
    void aDecisionIsHeldToItsTypesOwnThresholdWhereItHasOne() {
        var perType = assisted.evolve(new com.bigbox.autonomic.events.AgentEvent.ThresholdChanged(
                "StrategyAgent", 0.90, "flags wrong too often", "loop:threshold", "PROJECT_AT_RISK"));
        assertThat(policy.evaluate(decision("PROJECT_AT_RISK", 0.85, null, "routine"), perType, List.of()))
                .isInstanceOfSatisfying(Verdict.RequireHuman.class, h -> {
                    assertThat(h.rule()).isEqualTo("low_confidence");
                    assertThat(h.reasons().getFirst()).contains("threshold 0.90");
                });
        assertThat(policy.evaluate(decision("TASK_ASSIGNED", 0.85, null, "routine"), perType, List.of()))
                .as("the agent's other types keep its threshold")
                .isInstanceOf(Verdict.Execute.class);
    }
}

package com.bigbox.autonomic.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The intake scoring, case by case: a lead's facts → the qualification, its confidence and every reason. */
class LeadRulesTest {
    static Stream<Arguments> leads() {
        return Stream.of(
                Arguments.of(
                        "every signal: a priority lead",
                        new LeadFacts(
                                "Ada",
                                "ada@acme.test",
                                "+1 555 0100",
                                "Acme",
                                new BigDecimal("40000"),
                                "x".repeat(120),
                                "high"),
                        new Qualification(
                                true,
                                100,
                                "high",
                                0.95,
                                List.of(
                                        "base score 50",
                                        "urgency is high (+20)",
                                        "company named: Acme (+10)",
                                        "email and phone given (+10)",
                                        "message over 100 characters (+10)",
                                        "budget stated: 40000",
                                        "confidence 0.70 + 0.05 x 5 signals = 0.95",
                                        "priority high (confidence >= 0.85 and score >= 70)"))),
                Arguments.of(
                        "a bare lead qualifies with low confidence",
                        new LeadFacts("Test Client", "test@example.com", null, null, null, "Hi", null),
                        new Qualification(
                                true,
                                50,
                                "standard",
                                0.70,
                                List.of(
                                        "base score 50",
                                        "confidence 0.70 + 0.05 x 0 signals = 0.70",
                                        "priority standard"))),
                Arguments.of(
                        "a high score without the confidence is no priority",
                        new LeadFacts("C", "c@x.test", null, " Co ", null, null, "Urgent"),
                        new Qualification(
                                true,
                                80,
                                "standard",
                                0.80,
                                List.of(
                                        "base score 50",
                                        "urgency is urgent (+20)",
                                        "company named: Co (+10)",
                                        "confidence 0.70 + 0.05 x 2 signals = 0.80",
                                        "priority standard"))),
                Arguments.of(
                        "a stated but ordinary urgency is a signal without points",
                        new LeadFacts("B", "b@x.test", "123456", null, null, "short", " normal "),
                        new Qualification(
                                true,
                                60,
                                "standard",
                                0.80,
                                List.of(
                                        "base score 50",
                                        "urgency stated as normal",
                                        "email and phone given (+10)",
                                        "confidence 0.70 + 0.05 x 2 signals = 0.80",
                                        "priority standard"))),
                Arguments.of(
                        "a budget below the minimum engagement is turned down",
                        new LeadFacts("A", "a@b.test", null, "Co", new BigDecimal("500"), null, null),
                        new Qualification(
                                false,
                                60,
                                "standard",
                                0.80,
                                List.of(
                                        "base score 50",
                                        "company named: Co (+10)",
                                        "budget stated: 500",
                                        "confidence 0.70 + 0.05 x 2 signals = 0.80",
                                        "budget below the minimum engagement of 1000",
                                        "priority standard"))),
                Arguments.of(
                        "no email: nobody to reply to",
                        new LeadFacts("A", "not-an-address", null, "Co", null, null, null),
                        new Qualification(
                                false,
                                60,
                                "standard",
                                0.60,
                                List.of(
                                        "base score 50",
                                        "company named: Co (+10)",
                                        "confidence 0.70 + 0.05 x 1 signals = 0.75",
                                        "no valid email: nobody to reply to (confidence 0.60)",
                                        "priority standard"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leads")
    void qualifiesByTheOriginalScoring(String description, LeadFacts lead, Qualification expected) {
        Qualification q = new LeadRules().qualify(lead);
        assertThat(q.qualified()).isEqualTo(expected.qualified());
        assertThat(q.score()).isEqualTo(expected.score());
        assertThat(q.priority()).isEqualTo(expected.priority());
        assertThat(q.confidence()).isCloseTo(expected.confidence(), within(1e-9));
        assertThat(q.reasons()).containsExactlyElementsOf(expected.reasons());
    }
}

package com.bigbox.autonomic.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The intake rules, case by case: the original's score and priority, the verdict, and a confidence that follows the
 * evidence — each signal a real client gives raises it, a cue of a pitch or a job application lowers it.
 */
class LeadRulesTest {
    private static final String CONSIDERED = "We need a new website for our bakery chain. "
            + "It should take online orders and show our three shops. We would like it live before the summer.";

    static LeadFacts lead(String company, String phone, BigDecimal budget, String message, String urgency) {
        return new LeadFacts("Ada", "ada@acme.test", phone, company, budget, message, urgency);
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of(
                        "every signal: a priority lead, as sure as the rules get",
                        lead("Acme", "+1 555 0100", new BigDecimal("40000"), CONSIDERED, "asap"),
                        true,
                        100,
                        "high",
                        0.95),
                Arguments.of(
                        "a bare lead qualifies at an even chance",
                        new LeadFacts("Test Client", "test@example.com", null, null, null, "Hi", null),
                        true,
                        50,
                        "standard",
                        0.50),
                Arguments.of(
                        "no email: nobody to reply to, for a person to reach another way",
                        new LeadFacts("A", "not-an-address", null, "Co", null, CONSIDERED, null),
                        false,
                        70,
                        "standard",
                        0.55),
                Arguments.of(
                        "a budget far below the minimum engagement is a clear no",
                        lead("Co", null, new BigDecimal("300"), null, null),
                        false,
                        60,
                        "standard",
                        0.90),
                Arguments.of(
                        "a budget just below it may be a rough figure",
                        lead("Co", null, new BigDecimal("800"), null, null),
                        false,
                        60,
                        "standard",
                        0.75),
                Arguments.of(
                        "a sales pitch is no client",
                        lead(
                                "Rankers Ltd",
                                "+44 20 0000",
                                null,
                                "Hello! We offer SEO services and link building that will boost your traffic. "
                                        + "Book a demo with our team of experts this week.",
                                null),
                        false,
                        80,
                        "standard",
                        0.90),
                Arguments.of(
                        "a job application is no client",
                        lead(null, null, null, "Hi, I am applying for the designer position. My CV is attached.", null),
                        false,
                        50,
                        "standard",
                        0.85));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void decidesAndScoresByTheRules(
            String description, LeadFacts lead, boolean qualified, int score, String priority, double confidence) {
        Qualification q = new LeadRules().qualify(lead);
        assertThat(q.qualified()).isEqualTo(qualified);
        assertThat(q.score()).isEqualTo(score);
        assertThat(q.priority()).isEqualTo(priority);
        assertThat(q.confidence()).isCloseTo(confidence, within(1e-9));
        if (qualified) {
            assertThat(q.reasons().getLast()).startsWith("priority " + priority);
        } else {
            assertThat(q.reasons().getLast()).doesNotStartWith("priority").contains(String.format("%.2f", confidence));
        }
    }

    static Stream<Arguments> moreEvidence() {
        String two = "We need a website. It should take bookings.";
        return Stream.of(
                Arguments.of("a company named", lead(null, null, null, two, null), lead("Acme", null, null, two, null)),
                Arguments.of(
                        "a phone given", lead(null, null, null, two, null), lead(null, "555 0100", null, two, null)),
                Arguments.of(
                        "a budget stated",
                        lead(null, null, null, two, null),
                        lead(null, null, new BigDecimal("2000"), two, null)),
                Arguments.of(
                        "a large budget",
                        lead(null, null, new BigDecimal("2000"), two, null),
                        lead(null, null, new BigDecimal("20000"), two, null)),
                Arguments.of(
                        "two sentences instead of one",
                        lead("Acme", null, null, "We need a website", null),
                        lead("Acme", null, null, two, null)),
                Arguments.of(
                        "a third sentence",
                        lead(null, null, null, two, null),
                        lead(null, null, null, two + " We plan to open in spring.", null)),
                Arguments.of(
                        "urgency said in words",
                        lead(null, null, null, two, null),
                        lead(null, null, null, two, "this week please")),
                Arguments.of(
                        "no cue of a pitch",
                        lead(
                                null,
                                null,
                                null,
                                "We need a website, we offer a fair price. It should take bookings.",
                                null),
                        lead(null, null, null, two, null)));
    }

    @ParameterizedTest(name = "{0} raises the confidence")
    @MethodSource("moreEvidence")
    void theConfidenceMovesWithTheEvidence(String description, LeadFacts less, LeadFacts more) {
        var rules = new LeadRules();
        Qualification weaker = rules.qualify(less);
        Qualification stronger = rules.qualify(more);
        assertThat(weaker.qualified()).isTrue();
        assertThat(stronger.qualified()).isTrue();
        assertThat(stronger.confidence()).isGreaterThan(weaker.confidence());
    }

    @Test
    void everyWeightIsNamedInTheReasons() {
        Qualification q =
                new LeadRules().qualify(lead("Acme", "+1 555 0100", new BigDecimal("40000"), CONSIDERED, "asap"));
        assertThat(q.reasons())
                .contains(
                        "base score 50",
                        "urgency is high (+20): asap",
                        "company named: Acme (+10)",
                        "a company is named (+0.6)",
                        "the message runs to 3 sentences (+1.2)",
                        "priority high (confidence >= 0.85 and score >= 70)")
                .anySatisfy(r -> assertThat(r).startsWith("confidence 0.95 (evidence +"));
    }
}

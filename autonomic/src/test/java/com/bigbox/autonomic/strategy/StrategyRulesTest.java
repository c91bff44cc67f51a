package com.bigbox.autonomic.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.bigbox.autonomic.meetings.MeetingEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pricing by the rate card, case by case: an intent → quote, team, tone, confidence and every reason. */
class StrategyRulesTest {
    record Expected(
            String quote,
            int weeks,
            int team,
            String tone,
            List<String> objectives,
            double confidence,
            List<String> reasons) {}

    static MeetingEvent.IntentInferred intent(String service, String budget, Integer weeks, List<String> goals) {
        return new MeetingEvent.IntentInferred(
                "c", "m", "intent", service, goals, budget == null ? null : new BigDecimal(budget), weeks);
    }

    static Stream<Arguments> intents() {
        return Stream.of(
                Arguments.of(
                        "a budget close to the rate card is quoted as is, confidently",
                        intent("campaign", "25000", 7, List.of("launch")),
                        new Expected(
                                "25000",
                                7,
                                3,
                                "persuasive and timely",
                                List.of("launch"),
                                0.95,
                                List.of(
                                        "timeline 7 weeks",
                                        "quote at the client's budget 25000; rate card says 24500 (2% apart)",
                                        "team of 3 for 25000"))),
                Arguments.of(
                        "no budget and no timeline: the rate card's weeks and price, less sure",
                        intent("web", null, null, List.of()),
                        new Expected(
                                "45000",
                                10,
                                3,
                                "clear and confident",
                                List.of("define objectives with the client"),
                                0.75,
                                List.of(
                                        "timeline 10 weeks (default for web)",
                                        "no budget stated: quote from the rate card, 4500/week x 10",
                                        "team of 3 for 45000"))),
                Arguments.of(
                        "a budget far above the rate card is quoted as is, less sure; a big quote gets four people",
                        intent("brand_identity", "80000", 8, List.of("new brand")),
                        new Expected(
                                "80000",
                                8,
                                4,
                                "distinctive and consistent",
                                List.of("new brand"),
                                0.85,
                                List.of(
                                        "timeline 8 weeks",
                                        "quote at the client's budget 80000; rate card says 32000 (150% apart)",
                                        "team of 4 for 80000"))),
                Arguments.of(
                        "no service and a zero timeline: creative services' defaults, the budget rounded",
                        intent(null, "9000.50", 0, List.of()),
                        new Expected(
                                "9001",
                                6,
                                2,
                                "clear and confident",
                                List.of("define objectives with the client"),
                                0.85,
                                List.of(
                                        "timeline 6 weeks",
                                        "quote at the client's budget 9001; rate card says 18000 (50% apart)",
                                        "team of 2 for 9001"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intents")
    void pricesByTheRateCard(String description, MeetingEvent.IntentInferred intent, Expected expected) {
        StrategyPlan plan = new StrategyRules().plan(intent);
        assertThat(plan.quoteAmount().toPlainString()).isEqualTo(expected.quote());
        assertThat(plan.timelineWeeks()).isEqualTo(expected.weeks());
        assertThat(plan.teamSize()).isEqualTo(expected.team());
        assertThat(plan.tone()).isEqualTo(expected.tone());
        assertThat(plan.objectives()).isEqualTo(expected.objectives());
        assertThat(plan.confidence()).isCloseTo(expected.confidence(), within(1e-9));
        assertThat(plan.reasons()).containsExactlyElementsOf(expected.reasons());
    }
}

package com.bigbox.autonomic.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The meeting analysis, case by case: a meeting → intent, confidence and reasons, tasks' roles, the risk. */
class MeetingRulesTest {
    record Expected(
            String intent,
            String serviceType,
            double confidence,
            List<String> reasons,
            List<String> taskRoles,
            MeetingInsight.@Nullable RiskFinding risk) {}

    static Stream<Arguments> meetings() {
        return Stream.of(
                Arguments.of(
                        "negative sentiment is a critical relationship risk; the service is read from the notes",
                        new MeetingEvent.Completed(
                                "c",
                                "m",
                                -0.8,
                                true,
                                List.of("Send logo options", "Prepare the quote"),
                                List.of("new brand"),
                                null,
                                new BigDecimal("30000"),
                                8,
                                "They want a new brand identity"),
                        new Expected(
                                "brand_identity: new brand",
                                "brand_identity",
                                0.85,
                                List.of(
                                        "service type inferred from the goals and notes: brand_identity",
                                        "brand_identity inferred from [brand, brand, identity] (score 6.0)",
                                        "confidence 0.50 + 0.20 x margin 1.00 + 0.15 x min(1, score/6) = 0.85 (at most 0.85)",
                                        "budget stated: 30000",
                                        "timeline stated: 8 weeks",
                                        "1 goal(s) recorded",
                                        "confidence is the inferred service's, 0.85"),
                                List.of("designer", "finance"),
                                new MeetingInsight.RiskFinding(
                                        "relationship",
                                        "critical",
                                        "negative sentiment in the meeting (-0.8)",
                                        0.85,
                                        List.of(
                                                "sentiment -0.80 is below -0.30",
                                                "severity critical (below -0.70 critical, below -0.50 high)")))),
                Arguments.of(
                        "a stated service, tasks by their wording, a good mood: no risk",
                        new MeetingEvent.Completed(
                                "c",
                                "m",
                                0.5,
                                true,
                                List.of("Draft the strategy brief", "Call the client"),
                                List.of(),
                                " Campaign",
                                null,
                                null,
                                null),
                        new Expected(
                                "campaign",
                                "campaign",
                                0.90,
                                List.of(
                                        "service type stated: campaign",
                                        "the client named the service: confidence at least 0.90"),
                                List.of("strategist", "account_manager"),
                                null)),
                Arguments.of(
                        "somewhat negative is a high risk",
                        new MeetingEvent.Completed("c", "m", -0.6, true, List.of(), List.of(), "web", null, null, null),
                        new Expected(
                                "web",
                                "web",
                                0.90,
                                List.of(
                                        "service type stated: web",
                                        "the client named the service: confidence at least 0.90"),
                                List.of(),
                                new MeetingInsight.RiskFinding(
                                        "relationship",
                                        "high",
                                        "negative sentiment in the meeting (-0.6)",
                                        0.85,
                                        List.of(
                                                "sentiment -0.60 is below -0.30",
                                                "severity high (below -0.70 critical, below -0.50 high)")))),
                Arguments.of(
                        "a client who did not attend is a medium risk",
                        new MeetingEvent.Completed(
                                "c", "m", null, false, List.of(), List.of("website"), null, null, 6, null),
                        new Expected(
                                "web: website",
                                "web",
                                0.775,
                                List.of(
                                        "service type inferred from the goals and notes: web",
                                        "web inferred from [website] (score 3.0)",
                                        "confidence 0.50 + 0.20 x margin 1.00 + 0.15 x min(1, score/6) = 0.77 (at most 0.85)",
                                        "timeline stated: 6 weeks",
                                        "1 goal(s) recorded",
                                        "confidence is the inferred service's, 0.77"),
                                List.of(),
                                new MeetingInsight.RiskFinding(
                                        "relationship",
                                        "medium",
                                        "the client did not attend",
                                        0.80,
                                        List.of("attended is false")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("meetings")
    void analysesByTheRules(String description, MeetingEvent.Completed meeting, Expected expected) {
        MeetingInsight insight = new MeetingRules().analyse(meeting);
        assertThat(insight.intent()).isEqualTo(expected.intent());
        assertThat(insight.serviceType()).isEqualTo(expected.serviceType());
        assertThat(insight.confidence()).isCloseTo(expected.confidence(), within(1e-9));
        assertThat(insight.reasons()).containsExactlyElementsOf(expected.reasons());
        assertThat(insight.tasks())
                .extracting(MeetingInsight.TaskToCreate::role)
                .containsExactlyElementsOf(expected.taskRoles());
        assertThat(insight.risk().orElse(null)).isEqualTo(expected.risk());
    }
}

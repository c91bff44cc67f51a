package com.bigbox.autonomic.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.agents.Decided;
import com.bigbox.autonomic.agents.Triggers;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A released intent: a brief, a recommended project and its quote, all from one plan and with its reasons. */
class StrategyDecisionsTest {
    final Effective trigger = Triggers.released(
            StreamId.of("MEETING", "m-1"),
            new MeetingEvent.IntentInferred(
                    "client-1", "m-1", "campaign: launch", "campaign", List.of("launch"), new BigDecimal("25000"), 7),
            0.9,
            false);

    @Test
    void aBriefAProjectAndAQuote() {
        var decisions = StrategyDecisions.decide(trigger, new StrategyRules());
        String projectId = Triggers.derived(trigger, "PRJ", "project");
        String quoteId = Triggers.derived(trigger, "Q", "quote");
        List<String> reasons = List.of(
                "timeline 7 weeks",
                "quote at the client's budget 25000; rate card says 24500 (2% apart)",
                "team of 3 for 25000");
        // The brief and the recommendation are as sure as the service (the intent's 0.90), the quote as its price.
        var service = new java.util.ArrayList<>(reasons);
        service.add("service campaign as the intent inferred it (confidence 0.90)");
        assertThat(Decided.all(decisions))
                .containsExactly(
                        new Decided(
                                "CREATIVE_BRIEF_GENERATED",
                                "PROJECT/" + projectId,
                                "client_communication",
                                "write_brief",
                                "Creative brief for campaign",
                                false,
                                0.90,
                                service),
                        new Decided(
                                "PROJECT_RECOMMENDED",
                                "PROJECT/" + projectId,
                                "routine",
                                "recommend_project",
                                "Recommend a 7-week campaign project",
                                false,
                                0.90,
                                service),
                        new Decided(
                                "QUOTE_GENERATED",
                                "QUOTE/" + quoteId,
                                "financial",
                                "commit_pricing",
                                "Send quote of 25000 USD",
                                false,
                                0.95,
                                reasons));
        assertThat(decisions.get(1).payload())
                .isEqualTo(
                        new ProjectEvent.Recommended("client-1", projectId, "campaign", new BigDecimal("25000"), 7, 3));
        assertThat(decisions.get(2).payload())
                .isEqualTo(new QuoteEvent.Generated(
                        "client-1", quoteId, projectId, "campaign", new BigDecimal("25000"), "USD"));
    }
}

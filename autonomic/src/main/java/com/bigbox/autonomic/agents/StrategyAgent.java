package com.bigbox.autonomic.agents;

import static com.bigbox.autonomic.events.EventTypes.CREATIVE_BRIEF_GENERATED;
import static com.bigbox.autonomic.events.EventTypes.INTENT_INFERRED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_RECOMMENDED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_GENERATED;

import com.bigbox.autonomic.events.MeetingEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.autonomic.reasoning.StrategyPlan;
import com.bigbox.autonomic.strategy.QuoteEvent;
import com.bigbox.core.StreamId;
import java.util.Set;

/** Strategy: an inferred intent becomes a creative brief, a recommended project and its quote. */
public final class StrategyAgent implements Agent {
    public static final String NAME = "StrategyAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "turns a client's intent into a brief, a recommended project and a quote",
            Set.of(INTENT_INFERRED),
            Set.of(CREATIVE_BRIEF_GENERATED, PROJECT_RECOMMENDED, QUOTE_GENERATED),
            Set.of(),
            AgentSettings.defaults(0.75));

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        MeetingEvent.IntentInferred intent = trigger.payloadAs(MeetingEvent.IntentInferred.class);
        StrategyPlan plan = context.reasoner().plan(intent);
        String clientId = trigger.clientId();
        String projectId = context.derivedId("PRJ", "project");
        String quoteId = context.derivedId("Q", "quote");
        StreamId project = StreamId.of("PROJECT", projectId);
        context.emit(Emission.of(
                        project,
                        new ProjectEvent.CreativeBriefGenerated(
                                clientId,
                                projectId,
                                plan.serviceType(),
                                plan.objectives(),
                                plan.audience(),
                                plan.tone()),
                        plan,
                        "client_communication",
                        "Creative brief for " + plan.serviceType())
                .action("write_brief"));
        context.emit(Emission.of(
                        project,
                        new ProjectEvent.Recommended(
                                clientId,
                                projectId,
                                plan.serviceType(),
                                plan.quoteAmount(),
                                plan.timelineWeeks(),
                                plan.teamSize()),
                        plan,
                        "routine",
                        "Recommend a " + plan.timelineWeeks() + "-week " + plan.serviceType() + " project")
                .action("recommend_project"));
        context.emit(Emission.of(
                        StreamId.of("QUOTE", quoteId),
                        new QuoteEvent.Generated(
                                clientId, quoteId, projectId, plan.serviceType(), plan.quoteAmount(), "USD"),
                        plan,
                        "financial",
                        "Send quote of " + plan.quoteAmount().toPlainString() + " USD")
                .action("commit_pricing"));
    }
}

package com.bigbox.autonomic.strategy;

import com.bigbox.autonomic.agents.DerivedIds;
import com.bigbox.autonomic.agents.Emission;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.autonomic.reasoning.Judgement;
import com.bigbox.core.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The strategy rules as a pure function: a released intent becomes a creative brief, a recommended project and its
 * quote, all from the one {@link StrategyPlan}. What to emit is returned; {@link StrategyAgent} emits it.
 */
public final class StrategyDecisions {
    private StrategyDecisions() {}

    public static List<Emission> decide(Effective trigger, StrategyReasoner reasoner) {
        MeetingEvent.IntentInferred intent = trigger.payloadAs(MeetingEvent.IntentInferred.class);
        StrategyPlan plan = reasoner.plan(intent);
        String clientId = trigger.clientId();
        String projectId = DerivedIds.derive(trigger, "PRJ", "project");
        String quoteId = DerivedIds.derive(trigger, "Q", "quote");
        StreamId project = StreamId.of("PROJECT", projectId);
        ServiceJudgement service = ServiceJudgement.of(trigger, plan);
        return List.of(
                Emission.of(
                                project,
                                new ProjectEvent.CreativeBriefGenerated(
                                        clientId,
                                        projectId,
                                        plan.serviceType(),
                                        plan.objectives(),
                                        plan.audience(),
                                        plan.tone()),
                                service,
                                "client_communication",
                                "Creative brief for " + plan.serviceType())
                        .action("write_brief"),
                Emission.of(
                                project,
                                new ProjectEvent.Recommended(
                                        clientId,
                                        projectId,
                                        plan.serviceType(),
                                        plan.quoteAmount(),
                                        plan.timelineWeeks(),
                                        plan.teamSize()),
                                service,
                                "routine",
                                "Recommend a " + plan.timelineWeeks() + "-week " + plan.serviceType() + " project")
                        .action("recommend_project"),
                Emission.of(
                                StreamId.of("QUOTE", quoteId),
                                new QuoteEvent.Generated(
                                        clientId, quoteId, projectId, plan.serviceType(), plan.quoteAmount(), "USD"),
                                plan,
                                "financial",
                                "Send quote of " + plan.quoteAmount().toPlainString() + " USD")
                        .action("commit_pricing"));
    }

    /**
     * The brief and the recommendation stand or fall with the service: as sure as the intent that took effect (a
     * person's approval counts 0.90), not as the price; the quote keeps the plan's own confidence.
     */
    record ServiceJudgement(double confidence, List<String> reasons) implements Judgement {
        static ServiceJudgement of(Effective trigger, StrategyPlan plan) {
            double confidence = trigger.byHuman()
                    ? 0.90
                    : trigger.event().confidence() == null
                            ? plan.confidence()
                            : trigger.event().confidence().value();
            var reasons = new ArrayList<String>(plan.reasons());
            reasons.add(String.format(
                    Locale.ROOT,
                    "service %s %s (confidence %.2f)",
                    plan.serviceType(),
                    trigger.byHuman() ? "confirmed by a person" : "as the intent inferred it",
                    confidence));
            return new ServiceJudgement(confidence, reasons);
        }
    }
}

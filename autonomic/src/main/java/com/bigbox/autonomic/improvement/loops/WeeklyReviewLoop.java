package com.bigbox.autonomic.improvement.loops;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.GoLive;
import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.review.ReviewWeek;
import com.bigbox.autonomic.improvement.review.WeeklyReview;
import com.bigbox.autonomic.improvement.review.WeeklyReviewReads;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The weekly automation review (weekly): composes the review of the week that just ended and records it
 * ({@code AUTOMATION_REVIEW_COMPLETED} with its figures), which is what the doctrine's review rule checks.
 */
public final class WeeklyReviewLoop implements ControlLoop {
    public static final String NAME = "weekly_review";

    private final Doctrine doctrine;
    private final ImprovementFacts facts;
    private final WeeklyReviewReads reads;
    private final AgentCatalog agents;
    private final GoLive goLive;
    private final LoopActions actions;

    public WeeklyReviewLoop(
            Doctrine doctrine,
            ImprovementFacts facts,
            WeeklyReviewReads reads,
            AgentCatalog agents,
            GoLive goLive,
            LoopActions actions) {
        this.doctrine = doctrine;
        this.facts = facts;
        this.reads = reads;
        this.agents = agents;
        this.goLive = goLive;
        this.actions = actions;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The review of {@code week} as of {@code now}. */
    public WeeklyReview review(UnitOfWork work, ReviewWeek week, Instant now) {
        return review(
                work,
                doctrine,
                facts,
                reads,
                agents.all().stream().map(AgentDefinition::name).toList(),
                goLive,
                week,
                now);
    }

    /** The review of {@code week} as of {@code now}, for a reader that runs no loop (the CLI). */
    public static WeeklyReview review(
            UnitOfWork work,
            Doctrine doctrine,
            ImprovementFacts facts,
            WeeklyReviewReads reads,
            List<String> agents,
            GoLive goLive,
            ReviewWeek week,
            Instant now) {
        LocalDate live = goLive.date(work, facts, now);
        Instant at = week.end().isAfter(now) ? now : week.end().minusSeconds(1);
        return WeeklyReview.compose(
                week,
                doctrine,
                doctrine.phaseAt(live, at).wireName(),
                Doctrine.weekSince(live, at),
                agents,
                reads,
                work,
                now);
    }

    @Override
    public LoopRun run(UnitOfWork work, Instant now) {
        LoopActions pass = actions.pass();
        ReviewWeek week = ReviewWeek.of(now).previous();
        WeeklyReview review = review(work, week, now);
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = EventCodec.convert(review.thirtyPercentQuestion(), Map.class);
        var event = new ImprovementEvent.AutomationReviewCompleted(week.toString(), figures, List.of());
        pass.record(
                work,
                StreamId.of("IMPROVEMENT", "review:" + week),
                EventTypes.AUTOMATION_REVIEW_COMPLETED,
                event,
                LoopActions.idOf(NAME, week.toString()),
                NAME,
                Map.of(
                        "gaps",
                        review.automationGaps().size(),
                        "margin_leaks",
                        review.marginLeaks().size(),
                        "drift",
                        review.driftSignals().size(),
                        "violations",
                        review.doctrineViolations().size()),
                now);
        return pass.report(NAME);
    }
}

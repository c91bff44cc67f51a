package com.bigbox.autonomic.reasoning;

import com.bigbox.autonomic.events.MeetingEvent;
import com.bigbox.autonomic.finance.InvoiceEvent;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.autonomic.projects.TaskEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * How the agents judge: each question an agent asks, answered with a confidence and the reasons. The
 * rule-based {@link RuleBasedReasoner} is the default and the one tested; a deployment may plug in
 * another (a language model, say) by implementing this, typically by extending the rules and
 * overriding a question or two. Nothing here calls the network unless such a reasoner does.
 */
public interface Reasoner {
    /** Goes into each decision's metadata, so that a decision says what judged it. */
    String name();

    Qualification qualify(LeadFacts lead);

    MeetingInsight analyse(MeetingEvent.Completed meeting);

    StrategyPlan plan(MeetingEvent.IntentInferred intent);

    TaskAssignment assign(TaskEvent.Created task);

    ProjectAssessment assess(ProjectEvent.Started project);

    /** The invoice to raise for work worth {@code total}; {@code estimated} when no quote fixed the amount. */
    InvoicePlan invoice(String kind, BigDecimal total, boolean estimated, Instant now);

    PaymentAssessment payment(InvoiceEvent.Issued invoice, BigDecimal paidBefore, BigDecimal paidNow);
}

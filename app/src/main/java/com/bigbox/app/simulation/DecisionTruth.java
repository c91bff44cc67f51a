package com.bigbox.app.simulation;

import static java.util.Map.entry;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.core.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Judges an agent's decision against what really is: was qualifying right, is the inferred service the real one,
 * is the quote one the client would sign, is the flagged risk real, was the task asked for, can its assignee take
 * it, is the invoice's amount right and its project still on, does the client really owe. The people of the
 * simulation decide by it, and the figures count wrong decisions by it.
 *
 * <p>Every decision type an agent emits has a rule here, keyed on the {@link EventTypes} registry; a type with no
 * rule fails the run (a renamed or new type must not count as right by default). A decision whose truth is not
 * known (no lead behind it where the rule needs one, a payload without what the rule reads) is unjudged, never
 * right: the report says how many.
 */
public final class DecisionTruth {
    /** A quote within this share of the client's budget is right. */
    static final BigDecimal QUOTE_TOLERANCE = new BigDecimal("0.25");
    /** The deposit and the balance are each half the agreed price. */
    static final BigDecimal INVOICE_SHARE = new BigDecimal("0.5");

    public enum Verdict {
        RIGHT,
        WRONG,
        UNJUDGED
    }

    /**
     * @param correction what a person changes to make a wrong decision right (approve with changes), or empty:
     *     reject it
     */
    public record Ruling(Verdict verdict, Map<String, Object> correction) {
        static final Ruling RIGHT = new Ruling(Verdict.RIGHT, Map.of());
        static final Ruling WRONG = new Ruling(Verdict.WRONG, Map.of());
        static final Ruling UNJUDGED = new Ruling(Verdict.UNJUDGED, Map.of());

        static Ruling of(boolean right) {
            return right ? RIGHT : WRONG;
        }

        public boolean right() {
            return verdict == Verdict.RIGHT;
        }

        public boolean wrong() {
            return verdict == Verdict.WRONG;
        }
    }

    /** What a rule sees: the decision's payload and day, the lead whose story it is (null if none), the staff. */
    record Case(LeadCase lead, JsonNode payload, LocalDate day, Staff staff) {}

    @FunctionalInterface
    interface Rule {
        Ruling judge(Case c);
    }

    /** One rule per decision type the agents emit. */
    static final Map<String, Rule> RULES = Map.ofEntries(
            entry(EventTypes.LEAD_QUALIFIED, lead(LeadCase.Truth::qualified)),
            entry(EventTypes.MEETING_SCHEDULED, lead(LeadCase.Truth::qualified)),
            entry(EventTypes.LEAD_DISQUALIFIED, lead(t -> !t.qualified())),
            entry(EventTypes.INTENT_INFERRED, DecisionTruth::service),
            entry(EventTypes.CREATIVE_BRIEF_GENERATED, DecisionTruth::service),
            entry(EventTypes.PROJECT_RECOMMENDED, DecisionTruth::service),
            entry(EventTypes.QUOTE_GENERATED, DecisionTruth::quote),
            entry(EventTypes.RISK_DETECTED, DecisionTruth::risk),
            entry(EventTypes.PROJECT_AT_RISK, lead(LeadCase.Truth::projectAtRisk)),
            entry(EventTypes.PAYMENT_REMINDER_SENT, lead(LeadCase.Truth::owesBalance)),
            entry(EventTypes.TASK_CREATED, DecisionTruth::task),
            entry(EventTypes.TASK_ASSIGNED, DecisionTruth::assignment),
            entry(EventTypes.INVOICE_ISSUED, DecisionTruth::invoice));

    private final Staff staff;

    DecisionTruth(Staff staff) {
        this.staff = staff;
    }

    /** Judges {@code decision}, the story of {@code lead} (null: none the agency knows). */
    Ruling judge(LeadCase lead, RecordedEvent decision) {
        Rule rule = RULES.get(decision.type());
        if (rule == null) {
            throw new IllegalStateException("no truth for the decision type " + decision.type() + " (emitted by "
                    + decision.emittedBy() + "): every type an agent emits needs a rule in DecisionTruth.RULES");
        }
        LocalDate day = decision.timestamp().atZone(ZoneOffset.UTC).toLocalDate();
        return rule.judge(new Case(lead, EventCodec.tree(decision.payload()), day, staff));
    }

    private static Rule lead(Predicate<LeadCase.Truth> right) {
        return c -> c.lead() == null
                ? Ruling.UNJUDGED
                : Ruling.of(right.test(c.lead().truth()));
    }

    private static Ruling service(Case c) {
        String service = c.payload().path("service_type").asText("");
        return c.lead() == null || service.isEmpty()
                ? Ruling.UNJUDGED
                : Ruling.of(c.lead().truth().service().equals(service));
    }

    // A relationship risk is right when the client really is unhappy; the other kinds are not the meeting's to judge.
    private static Ruling risk(Case c) {
        if (c.lead() == null
                || !"relationship".equals(c.payload().path("risk_type").asText())) {
            return Ruling.UNJUDGED;
        }
        return Ruling.of(c.lead().truth().relationshipAtRisk());
    }

    // A quote far from what the client will pay is corrected to the budget, not refused: the work is still wanted.
    private static Ruling quote(Case c) {
        if (c.lead() == null || !c.payload().hasNonNull("amount")) {
            return Ruling.UNJUDGED;
        }
        BigDecimal budget = c.lead().truth().budget();
        return fair(c.payload().get("amount").decimalValue(), budget)
                ? Ruling.RIGHT
                : new Ruling(Verdict.WRONG, Map.of("amount", budget));
    }

    // A task is right when the client really asked for it. A task read from the meeting's words is judged by the line
    // it was taken from (MeetingWriteUp records which lines carry a request); a title that is no line of the lead's
    // meeting is judged as a listed item (the older contract): right when it names one the client asked for.
    private static Ruling task(Case c) {
        String title = c.payload().path("title").asText("");
        if (c.lead() == null || title.isEmpty()) {
            return Ruling.UNJUDGED;
        }
        return MeetingWriteUp.of(c.lead())
                .asked(title)
                .map(Ruling::of)
                .orElseGet(() ->
                        Ruling.of(c.lead().truth().requestedItems().stream().anyMatch(item -> same(item, title))));
    }

    // An assignee who is away or already full that day cannot do the task, whoever the task suited.
    private static Ruling assignment(Case c) {
        String assignee = c.payload().path("assignee").asText("");
        return assignee.isEmpty() ? Ruling.UNJUDGED : Ruling.of(c.staff().unavailable(assignee, c.day()) == null);
    }

    // Half the price the client agreed to, for a project that goes ahead.
    private static Ruling invoice(Case c) {
        if (c.lead() == null || !c.payload().hasNonNull("amount")) {
            return Ruling.UNJUDGED;
        }
        LeadCase.Truth t = c.lead().truth();
        BigDecimal agreed = c.payload().get("amount").decimalValue().divide(INVOICE_SHARE, 2, RoundingMode.HALF_UP);
        return Ruling.of(!t.cancels() && fair(agreed, t.budget()));
    }

    static boolean fair(BigDecimal amount, BigDecimal budget) {
        return amount.subtract(budget)
                        .abs()
                        .divide(budget, 4, RoundingMode.HALF_UP)
                        .compareTo(QUOTE_TOLERANCE)
                <= 0;
    }

    private static boolean same(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}

package com.bigbox.app.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Judges an agent's decision against the truth of its lead: was qualifying right, is the inferred service the
 * real one, is the quote one the client would sign, is the flagged risk real, does the client really owe. The
 * people of the simulation decide by it, and the weekly figures count wrong autonomous decisions by it.
 */
public final class DecisionTruth {
    /** A quote within this share of the client's budget is right. */
    static final BigDecimal QUOTE_TOLERANCE = new BigDecimal("0.25");

    private DecisionTruth() {}

    /**
     * @param correct whether the decision matches the truth
     * @param correction what a person changes to make it right (approve with changes), or empty: reject it
     */
    public record Judgement(boolean correct, Map<String, Object> correction) {
        static Judgement right() {
            return new Judgement(true, Map.of());
        }

        static Judgement wrong() {
            return new Judgement(false, Map.of());
        }

        static Judgement of(boolean correct) {
            return correct ? right() : wrong();
        }
    }

    /** {@code lead} may be null: a decision outside any lead's story (none the agency knows better) is right. */
    public static Judgement judge(LeadCase lead, String decisionType, JsonNode payload) {
        if (lead == null) {
            return Judgement.right();
        }
        LeadCase.Truth truth = lead.truth();
        return switch (decisionType) {
            case "LEAD_QUALIFIED", "MEETING_SCHEDULED" -> Judgement.of(truth.qualified());
            case "LEAD_DISQUALIFIED" -> Judgement.of(!truth.qualified());
            case "INTENT_INFERRED", "CREATIVE_BRIEF_GENERATED", "PROJECT_RECOMMENDED" ->
                    Judgement.of(truth.service().equals(payload.path("service_type").asText()));
            case "QUOTE_GENERATED" -> quote(truth, payload);
            case "RISK_DETECTED" -> Judgement.of(!"relationship".equals(payload.path("risk_type").asText())
                    || truth.relationshipAtRisk());
            case "PROJECT_AT_RISK" -> Judgement.of(truth.projectAtRisk());
            case "PAYMENT_REMINDER_SENT" -> Judgement.of(truth.owesBalance());
            default -> Judgement.right();
        };
    }

    // A quote far from what the client will pay is corrected to the budget, not refused: the work is still wanted.
    private static Judgement quote(LeadCase.Truth truth, JsonNode payload) {
        if (!payload.hasNonNull("amount")) {
            return Judgement.right();
        }
        BigDecimal amount = payload.get("amount").decimalValue();
        if (fair(amount, truth.budget())) {
            return Judgement.right();
        }
        return new Judgement(false, Map.of("amount", truth.budget()));
    }

    static boolean fair(BigDecimal amount, BigDecimal budget) {
        return amount.subtract(budget).abs().divide(budget, 4, RoundingMode.HALF_UP).compareTo(QUOTE_TOLERANCE) <= 0;
    }
}

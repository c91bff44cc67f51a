package com.bigbox.autonomic.oversight;

import com.bigbox.autonomic.agents.DecisionMetadata;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.core.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What Oversight reads from a decision: who made it, how sure it was, and the figures its rules test.
 *
 * @param amount the money at stake ({@code amount}, else {@code budget}), or null
 * @param riskFactors how many risk factors it lists
 * @param churnProbability a stated churn probability, or null
 * @param monthlySaving a stated saving per month (SOP changes), or null
 */
public record DecisionFacts(
        String agentId,
        String type,
        double confidence,
        @Nullable BigDecimal amount,
        @Nullable String severity,
        @Nullable String riskType,
        boolean requiresHuman,
        int riskFactors,
        @Nullable Double churnProbability,
        @Nullable BigDecimal monthlySaving,
        String actionClass,
        @Nullable String action,
        @Nullable String summary,
        DecisionMetadata metadata) {

    static final Set<String> FINANCIAL_TYPES = Set.of(
            EventTypes.QUOTE_GENERATED,
            EventTypes.QUOTE_APPROVED,
            EventTypes.INVOICE_ISSUED,
            EventTypes.PAYMENT_RECEIVED,
            EventTypes.PAYMENT_REMINDER_SENT);

    /** The decision's facts, held to the settings of {@code agent}: its writer, or the agent whose type it is. */
    public static DecisionFacts of(RecordedEvent decision, String agent) {
        JsonNode payload = EventCodec.tree(decision.payload());
        DecisionMetadata metadata = EventCodec.read(decision.metadata(), DecisionMetadata.class);
        BigDecimal amount = decimal(payload.get("amount"));
        if (amount == null) {
            amount = decimal(payload.get("budget"));
        }
        boolean requiresHuman =
                metadata.humanRequired() || payload.path("requires_human").asBoolean(false);
        return new DecisionFacts(
                agent,
                decision.type(),
                decision.confidence() == null ? 1.0 : decision.confidence().value(),
                amount,
                text(payload.get("severity")),
                text(payload.get("risk_type")),
                requiresHuman,
                payload.path("risk_factors").isArray()
                        ? payload.path("risk_factors").size()
                        : 0,
                payload.hasNonNull("churn_probability")
                        ? payload.get("churn_probability").asDouble()
                        : null,
                decimal(payload.get("savings_per_month")),
                metadata.actionClass() == null ? "routine" : metadata.actionClass(),
                metadata.action(),
                metadata.summary(),
                metadata);
    }

    public boolean financial() {
        return FINANCIAL_TYPES.contains(type) || "financial".equals(actionClass);
    }

    private static @Nullable BigDecimal decimal(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}

package com.bigbox.autonomic.oversight;

import com.bigbox.autonomic.events.EventTypes;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What puts a decision before the CEO. The original engine's triggers find a reason (ten times the financial limit,
 * a critical relationship risk, a high legal risk, an SOP change saving over 50,000 a month, churn above 0.7, more
 * than 3 risk factors); the doctrine's {@code ceo_interrupts} rule then says which reasons are the CEO's to be
 * interrupted for (its {@code allowed_reasons}: each a marker the reason's text contains). A reason the doctrine does
 * not allow still goes to a person, at critical priority, through the approval queue, whose unanswered requests
 * climb to the CEO: the CEO hears of it, without being interrupted.
 *
 * <p>Money: only a commitment (a quote, or any financial decision that is not one of {@link #FOLLOW_THROUGH}) can
 * exceed the CEO limit. Invoicing, a payment reminder and a payment received carry out a deal already made, so they
 * are the financial queue's (above the financial limit a person always decides them), not a new call for the CEO:
 * otherwise one large deal would interrupt the CEO again for every invoice and every reminder.
 *
 * @param allowedReasons the doctrine's allowed reasons: name to the marker a reason's text contains
 */
public record CeoCriteria(Map<String, String> allowedReasons) {
    static final BigDecimal SOP_SAVING_FOR_CEO = new BigDecimal("50000");
    static final double CHURN_FOR_CEO = 0.7;
    static final int RISK_FACTORS_FOR_CEO = 3;

    /** Financial decisions that carry out a commitment rather than make one. */
    static final Set<String> FOLLOW_THROUGH =
            Set.of(EventTypes.INVOICE_ISSUED, EventTypes.PAYMENT_REMINDER_SENT, EventTypes.PAYMENT_RECEIVED);

    public CeoCriteria {
        allowedReasons = Map.copyOf(allowedReasons);
    }

    /** Whether the doctrine lets {@code reason} interrupt the CEO. */
    public boolean interrupts(String reason) {
        String text = reason.toLowerCase(Locale.ROOT);
        return allowedReasons.values().stream().anyMatch(marker -> text.contains(marker.toLowerCase(Locale.ROOT)));
    }

    /** Why {@code d} would be the CEO's, or null; {@code ceoLimit} is ten times the financial limit. */
    static @Nullable String reason(DecisionFacts d, BigDecimal ceoLimit) {
        if (d.amount() != null
                && d.financial()
                && !FOLLOW_THROUGH.contains(d.type())
                && d.amount().compareTo(ceoLimit) > 0) {
            return "amount " + d.amount().toPlainString() + " exceeds the CEO limit " + ceoLimit.toPlainString();
        }
        String risk = d.riskType() == null ? "" : d.riskType().toLowerCase(Locale.ROOT);
        String severity = d.severity() == null ? "" : d.severity().toLowerCase(Locale.ROOT);
        if (risk.equals("relationship") && severity.equals("critical")) {
            return "critical relationship risk";
        }
        if (risk.equals("legal") && (severity.equals("high") || severity.equals("critical"))) {
            return severity + " legal risk";
        }
        if (d.monthlySaving() != null && d.monthlySaving().compareTo(SOP_SAVING_FOR_CEO) > 0) {
            return "SOP change saving " + d.monthlySaving().toPlainString() + "/month exceeds "
                    + SOP_SAVING_FOR_CEO.toPlainString();
        }
        if (d.churnProbability() != null && d.churnProbability() > CHURN_FOR_CEO) {
            return String.format(
                    Locale.ROOT, "churn probability %.2f exceeds %.2f", d.churnProbability(), CHURN_FOR_CEO);
        }
        if (d.riskFactors() > RISK_FACTORS_FOR_CEO) {
            return d.riskFactors() + " risk factors (more than " + RISK_FACTORS_FOR_CEO + ")";
        }
        return null;
    }
}

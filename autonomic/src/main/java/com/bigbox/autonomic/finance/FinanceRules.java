package com.bigbox.autonomic.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The original engine's invoicing: a 50% deposit due in 14 days (less sure when no quote fixed the amount); a
 * payment settles an invoice or leaves a balance. Every number an answer depends on is named in its reasons.
 */
public class FinanceRules implements FinanceReasoner {
    static final Duration PAYMENT_TERMS = Duration.ofDays(14);

    @Override
    public InvoicePlan invoice(String kind, BigDecimal total, boolean estimated, Instant now) {
        BigDecimal amount = total.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_UP);
        double confidence = estimated ? 0.80 : 0.90;
        return new InvoicePlan(
                kind,
                amount,
                now.plus(PAYMENT_TERMS),
                confidence,
                List.of(
                        kind + ": 50% of " + total.toPlainString()
                                + (estimated ? " (the project's budget, no quote)" : " (the accepted quote)"),
                        "due in 14 days"));
    }

    @Override
    public PaymentAssessment payment(InvoiceEvent.Issued invoice, BigDecimal paidBefore, BigDecimal paidNow) {
        BigDecimal balance =
                invoice.amount().subtract(paidBefore).subtract(paidNow).max(BigDecimal.ZERO);
        if (balance.signum() == 0) {
            return new PaymentAssessment(
                    true,
                    BigDecimal.ZERO,
                    0.95,
                    List.of("paid " + paidBefore.add(paidNow).toPlainString() + " of "
                            + invoice.amount().toPlainString()));
        }
        return new PaymentAssessment(
                false,
                balance,
                0.90,
                List.of("paid " + paidBefore.add(paidNow).toPlainString() + " of "
                        + invoice.amount().toPlainString() + ", " + balance.toPlainString() + " outstanding"));
    }
}

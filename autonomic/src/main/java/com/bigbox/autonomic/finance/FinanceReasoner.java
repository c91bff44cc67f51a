package com.bigbox.autonomic.finance;

import com.bigbox.autonomic.reasoning.Reasoner;
import java.math.BigDecimal;
import java.time.Instant;

/** The finance agent's questions: what invoice to raise for accepted work, and where a payment leaves an invoice. */
public interface FinanceReasoner {
    /** The invoice to raise for work worth {@code total}; {@code estimated} when no quote fixed the amount. */
    InvoicePlan invoice(String kind, BigDecimal total, boolean estimated, Instant now);

    PaymentAssessment payment(InvoiceEvent.Issued invoice, BigDecimal paidBefore, BigDecimal paidNow);

    /** The reasoner {@code reasoner} plugged for finance, else {@link FinanceRules}. */
    static FinanceReasoner in(Reasoner reasoner) {
        return reasoner.seam(FinanceReasoner.class, new FinanceRules());
    }
}

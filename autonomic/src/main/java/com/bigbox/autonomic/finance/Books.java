package com.bigbox.autonomic.finance;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the finance rules read of the log before they decide: {@link FinanceAgent} answers from the handler's
 * transaction, a test from a few records. Reads only, so the rules stay a function of the trigger and these answers.
 */
public interface Books {
    /** Whether the invoice was issued already (an invoice is raised once, whichever event asks first). */
    boolean invoiced(String invoiceId);

    /** The amount of a quote's latest {@code QUOTE_GENERATED}, if it has one with an amount. */
    Optional<BigDecimal> quoted(String quoteId);

    /** An invoice as it stood before the payment {@code paymentEventId}. */
    Invoice invoice(String invoiceId, UUID paymentEventId);

    /**
     * @param issued its issue, or null when there is none before the payment
     * @param paidBefore what earlier payments brought
     */
    record Invoice(InvoiceEvent.@Nullable Issued issued, BigDecimal paidBefore) {}
}

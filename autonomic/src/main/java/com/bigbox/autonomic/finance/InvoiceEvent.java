package com.bigbox.autonomic.finance;

import com.bigbox.autonomic.events.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Events of an invoice ({@code INVOICE/<invoice id>}). */
public sealed interface InvoiceEvent extends DomainEvent {

    /** @param kind deposit or balance */
    record Issued(
            @Nullable String clientId,
            String invoiceId,
            String quoteId,
            String projectId,
            String kind,
            BigDecimal amount,
            Instant dueAt)
            implements InvoiceEvent {}

    record PaymentReceived(String clientId, String invoiceId, BigDecimal amount) implements InvoiceEvent {}

    record PaymentReminderSent(@Nullable String clientId, String invoiceId, BigDecimal balance, Instant dueAt)
            implements InvoiceEvent {}
}

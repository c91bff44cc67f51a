package com.bigbox.autonomic.finance;

import static com.bigbox.autonomic.events.EventTypes.INVOICE_ISSUED;
import static com.bigbox.autonomic.events.EventTypes.PAYMENT_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.PAYMENT_REMINDER_SENT;

import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventPayloads;
import java.util.Map;

/** The records the invoice events are stored as (found by {@code EventCatalogue}). */
public final class InvoiceEventPayloads implements EventPayloads {
    @Override
    public Map<String, Class<? extends DomainEvent>> payloads() {
        return Map.of(
                INVOICE_ISSUED, InvoiceEvent.Issued.class,
                PAYMENT_RECEIVED, InvoiceEvent.PaymentReceived.class,
                PAYMENT_REMINDER_SENT, InvoiceEvent.PaymentReminderSent.class);
    }
}

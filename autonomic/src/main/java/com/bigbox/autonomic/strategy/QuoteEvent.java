package com.bigbox.autonomic.strategy;

import com.bigbox.autonomic.events.DomainEvent;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Events of a quote ({@code QUOTE/<quote id>}). */
public sealed interface QuoteEvent extends DomainEvent {

    record Generated(
            @Nullable String clientId,
            String quoteId,
            String projectId,
            String serviceType,
            BigDecimal amount,
            String currency)
            implements QuoteEvent {}

    /** The client accepted the quote. */
    record Approved(String clientId, String quoteId, String projectId, BigDecimal amount, String approvedBy)
            implements QuoteEvent {}
}

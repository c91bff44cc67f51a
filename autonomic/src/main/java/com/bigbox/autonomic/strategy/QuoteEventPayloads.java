package com.bigbox.autonomic.strategy;

import static com.bigbox.autonomic.events.EventTypes.QUOTE_APPROVED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_GENERATED;

import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventPayloads;
import java.util.Map;

/** The records the quote events are stored as (found by {@code EventCatalogue}). */
public final class QuoteEventPayloads implements EventPayloads {
    @Override
    public Map<String, Class<? extends DomainEvent>> payloads() {
        return Map.of(
                QUOTE_GENERATED, QuoteEvent.Generated.class,
                QUOTE_APPROVED, QuoteEvent.Approved.class);
    }
}

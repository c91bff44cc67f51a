package com.bigbox.autonomic.leads;

import static com.bigbox.autonomic.events.EventTypes.LEAD_DISQUALIFIED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_INQUIRY_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_QUALIFIED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_RECEIVED;

import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventPayloads;
import java.util.Map;

/** The records the lead events are stored as (found by {@code EventCatalogue}). */
public final class LeadEventPayloads implements EventPayloads {
    @Override
    public Map<String, Class<? extends DomainEvent>> payloads() {
        return Map.of(
                LEAD_RECEIVED, LeadEvent.LeadReceived.class,
                LEAD_INQUIRY_RECEIVED, LeadEvent.InquiryReceived.class,
                LEAD_QUALIFIED, LeadEvent.Qualified.class,
                LEAD_DISQUALIFIED, LeadEvent.Disqualified.class);
    }
}

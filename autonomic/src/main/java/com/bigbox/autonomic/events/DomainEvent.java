package com.bigbox.autonomic.events;

import org.jspecify.annotations.Nullable;

/**
 * The payload of a stored event as the domain reads and writes it: one sealed interface per aggregate
 * with its events as records. {@link EventCodec} maps them to and from the stored type name and JSON.
 */
public sealed interface DomainEvent
        permits LeadEvent,
                MeetingEvent,
                TaskEvent,
                ProjectEvent,
                QuoteEvent,
                InvoiceEvent,
                ClientEvent,
                ApprovalEvent,
                DecisionEvent,
                SopEvent,
                AgentEvent,
                ImprovementEvent,
                NotificationEvent,
                AccountEvent {

    /** The client the event concerns, or null when it concerns none (an agent's settings, an SOP). */
    @Nullable
    String clientId();
}

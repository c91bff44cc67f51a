package com.bigbox.autonomic.leads;

import com.bigbox.autonomic.events.DomainEvent;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Events of a lead ({@code LEAD/<lead id>}): an inquiry arrives and is qualified or not. */
public sealed interface LeadEvent extends DomainEvent {

    /** A raw lead as the original engine received it (API, webhook, psql); the intake path validates it. */
    record LeadReceived(
            String clientId,
            String name,
            String email,
            String phone,
            String company,
            BigDecimal budget,
            String message,
            String urgency,
            String source)
            implements LeadEvent {}

    /** A validated inquiry, recorded by the intake agent; {@code complete} when every field the rules read is there. */
    record InquiryReceived(
            String clientId,
            String name,
            String email,
            String phone,
            String company,
            BigDecimal budget,
            String message,
            String urgency,
            String source,
            boolean complete,
            List<String> missing)
            implements LeadEvent {
        public InquiryReceived {
            missing = missing == null ? List.of() : List.copyOf(missing);
        }
    }

    /** @param priority {@code high} or {@code standard}: how soon the discovery call is */
    record Qualified(
            @Nullable String clientId,
            String leadId,
            int score,
            String priority,
            String name,
            String email,
            String company,
            BigDecimal budget)
            implements LeadEvent {}

    record Disqualified(@Nullable String clientId, String leadId, int score, String reason) implements LeadEvent {}
}

package com.bigbox.autonomic.leads;

import com.bigbox.autonomic.agents.DecisionMetadata;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.core.Confidence;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake path: a checked inquiry is recorded as {@code LEAD_INQUIRY_RECEIVED} by the intake agent
 * (confidence 0.95 when complete, as in the seed) on a new lead's stream, starting a new flow. The
 * agent's subscription then qualifies it.
 */
public final class LeadIntake {
    private static final Logger log = LoggerFactory.getLogger(LeadIntake.class);

    private final Clock clock;

    public LeadIntake(Clock clock) {
        this.clock = clock;
    }

    public RecordedEvent receive(UnitOfWork work, LeadInquiry inquiry) {
        String leadId = "LEAD-" + UUID.randomUUID().toString().substring(0, 13);
        LeadInquiry.Assessment assessment = inquiry.assess();
        String clientId = inquiry.clientId() != null
                ? inquiry.clientId()
                : LeadInquiry.clientIdFor(inquiry.company(), inquiry.email());
        var payload = new LeadEvent.InquiryReceived(
                clientId,
                inquiry.name(),
                inquiry.email(),
                inquiry.phone(),
                inquiry.company(),
                inquiry.budget(),
                inquiry.message(),
                inquiry.urgency(),
                inquiry.source() == null ? "api" : inquiry.source(),
                assessment.complete(),
                assessment.missing());
        var metadata = new DecisionMetadata(
                assessment.reasons(),
                "rules",
                "routine",
                "record_inquiry",
                "Inquiry from " + inquiry.name(),
                null,
                List.of());
        var event = new NewEvent(
                UUID.randomUUID(),
                EventCodec.typeOf(payload),
                EventCodec.payload(payload),
                EventCodec.write(metadata),
                null,
                null,
                IntakeAgent.NAME,
                Confidence.of(assessment.confidence()),
                clock.instant());
        RecordedEvent stored = work.append(StreamId.of("LEAD", leadId), ExpectedVersion.noStream(), event)
                .events()
                .getFirst();
        log.info(
                "Lead inquiry {} from {} recorded (client {}, confidence {})",
                leadId,
                inquiry.name(),
                clientId,
                assessment.confidence());
        return stored;
    }
}

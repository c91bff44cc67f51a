package com.bigbox.autonomic.leads;

import static com.bigbox.autonomic.events.EventTypes.LEAD_INQUIRY_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_QUALIFIED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_RECEIVED;

import com.bigbox.autonomic.agents.DerivedIds;
import com.bigbox.autonomic.agents.Emission;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.autonomic.reasoning.Judgement;
import com.bigbox.core.StreamId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The intake rules as a pure function: a raw lead ({@code LEAD_RECEIVED}) becomes a recorded inquiry, an inquiry
 * is qualified or turned down by the {@link LeadReasoner}, and a released qualification books the discovery
 * meeting. What to emit is returned; {@link IntakeAgent} emits it.
 */
public final class IntakeDecisions {
    private IntakeDecisions() {}

    /** @param now business time, which dates the discovery meeting */
    public static List<Emission> decide(Effective trigger, LeadReasoner reasoner, Instant now) {
        return switch (trigger.type()) {
            case LEAD_RECEIVED -> List.of(record(trigger));
            case LEAD_INQUIRY_RECEIVED -> List.of(qualify(trigger, reasoner));
            case LEAD_QUALIFIED -> List.of(scheduleMeeting(trigger, now));
            default -> List.of();
        };
    }

    // A raw lead from anywhere is recorded as an inquiry; what it lacks lowers the confidence and is named.
    private static Emission record(Effective trigger) {
        LeadEvent.LeadReceived raw = trigger.payloadAs(LeadEvent.LeadReceived.class);
        LeadInquiry.Assessment assessment = LeadInquiry.assess(
                raw.name(), raw.email(), raw.phone(), raw.company(), raw.budget(), raw.message(), raw.urgency());
        String clientId =
                trigger.clientId() != null ? trigger.clientId() : LeadInquiry.clientIdFor(raw.company(), raw.email());
        var inquiry = new LeadEvent.InquiryReceived(
                clientId,
                raw.name(),
                raw.email(),
                raw.phone(),
                raw.company(),
                raw.budget(),
                raw.message(),
                raw.urgency(),
                raw.source() == null ? "lead_received" : raw.source(),
                assessment.complete(),
                assessment.missing());
        return Emission.of(
                trigger.event().stream(), inquiry, assessment, "routine", "Record inquiry from " + raw.name());
    }

    private static Emission qualify(Effective trigger, LeadReasoner reasoner) {
        LeadEvent.InquiryReceived inquiry = trigger.payloadAs(LeadEvent.InquiryReceived.class);
        Qualification q = reasoner.qualify(new LeadFacts(
                inquiry.name(),
                inquiry.email(),
                inquiry.phone(),
                inquiry.company(),
                inquiry.budget(),
                inquiry.message(),
                inquiry.urgency()));
        String leadId = trigger.event().stream().id();
        String who = inquiry.company() != null ? inquiry.company() : inquiry.name();
        if (q.qualified()) {
            return Emission.of(
                            trigger.event().stream(),
                            new LeadEvent.Qualified(
                                    trigger.clientId(),
                                    leadId,
                                    q.score(),
                                    q.priority(),
                                    inquiry.name(),
                                    inquiry.email(),
                                    inquiry.company(),
                                    inquiry.budget()),
                            q,
                            "routine",
                            "Qualify lead " + who + " (score " + q.score() + ")")
                    .action("qualify_lead");
        }
        return Emission.of(
                        trigger.event().stream(),
                        new LeadEvent.Disqualified(
                                trigger.clientId(),
                                leadId,
                                q.score(),
                                q.reasons().getLast()),
                        q,
                        "routine",
                        "Turn down lead " + who + " (score " + q.score() + ")")
                .action("disqualify_lead");
    }

    // The original books the call two days out for a strong lead; we book others five days out.
    private static Emission scheduleMeeting(Effective trigger, Instant now) {
        LeadEvent.Qualified lead = trigger.payloadAs(LeadEvent.Qualified.class);
        boolean priority = "high".equals(lead.priority());
        Instant at = now.truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(priority ? 2 : 5))
                .plus(Duration.ofHours(10));
        String meetingId = DerivedIds.derive(trigger, "MTG", "discovery");
        double confidence = trigger.byHuman()
                ? 0.90
                : trigger.event().confidence() == null
                        ? 0.80
                        : trigger.event().confidence().value();
        var judgement = new Booking(
                confidence,
                List.of(
                        trigger.byHuman()
                                ? "a person approved the qualification"
                                : "the qualification took effect autonomously",
                        (priority ? "priority lead: two days out" : "standard lead: five days out") + ", 10:00 UTC"));
        return Emission.of(
                        StreamId.of("MEETING", meetingId),
                        new MeetingEvent.Scheduled(
                                trigger.clientId(),
                                meetingId,
                                lead.leadId() == null ? trigger.event().stream().id() : lead.leadId(),
                                "discovery",
                                at,
                                lead.priority()),
                        judgement,
                        "scheduling",
                        "Book discovery meeting with " + (lead.company() != null ? lead.company() : lead.name())
                                + " on " + at)
                .action("schedule_meeting");
    }

    /** How sure the booking is: as sure as the qualification that took effect, or a person's 0.90. */
    record Booking(double confidence, List<String> reasons) implements Judgement {}
}

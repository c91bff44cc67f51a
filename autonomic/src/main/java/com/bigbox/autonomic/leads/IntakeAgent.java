package com.bigbox.autonomic.leads;

import static com.bigbox.autonomic.events.EventTypes.LEAD_DISQUALIFIED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_INQUIRY_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_QUALIFIED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_SCHEDULED;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentContext;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.agents.Emission;
import com.bigbox.autonomic.events.MeetingEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.reasoning.Judgement;
import com.bigbox.autonomic.reasoning.LeadFacts;
import com.bigbox.autonomic.reasoning.Qualification;
import com.bigbox.core.StreamId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Intake: a raw lead ({@code LEAD_RECEIVED}) becomes a recorded inquiry ({@code LEAD_INQUIRY_RECEIVED},
 * the same the intake path records), the inquiry is qualified or not, and a released qualification books
 * the discovery meeting.
 */
public final class IntakeAgent implements Agent {
    public static final String NAME = "IntakeAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "records and qualifies lead inquiries and books the discovery meeting",
            Set.of(LEAD_RECEIVED, LEAD_INQUIRY_RECEIVED, LEAD_QUALIFIED),
            Set.of(LEAD_INQUIRY_RECEIVED, LEAD_QUALIFIED, LEAD_DISQUALIFIED, MEETING_SCHEDULED),
            Set.of(LEAD_INQUIRY_RECEIVED),
            AgentSettings.defaults(0.75));

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        switch (trigger.type()) {
            case LEAD_RECEIVED -> record(trigger, context);
            case LEAD_INQUIRY_RECEIVED -> qualify(trigger, context);
            case LEAD_QUALIFIED -> scheduleMeeting(trigger, context);
            default -> {}
        }
    }

    // A raw lead from anywhere is recorded as an inquiry; what it lacks lowers the confidence and is named.
    private void record(Effective trigger, AgentContext context) {
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
        context.emit(Emission.of(
                trigger.event().stream(), inquiry, assessment, "routine", "Record inquiry from " + raw.name()));
    }

    private void qualify(Effective trigger, AgentContext context) {
        LeadEvent.InquiryReceived inquiry = trigger.payloadAs(LeadEvent.InquiryReceived.class);
        Qualification q = context.reasoner()
                .qualify(new LeadFacts(
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
            context.emit(Emission.of(
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
                    .action("qualify_lead"));
        } else {
            context.emit(Emission.of(
                            trigger.event().stream(),
                            new LeadEvent.Disqualified(
                                    trigger.clientId(),
                                    leadId,
                                    q.score(),
                                    q.reasons().getLast()),
                            q,
                            "routine",
                            "Turn down lead " + who + " (score " + q.score() + ")")
                    .action("disqualify_lead"));
        }
    }

    // The original books the call two days out for a strong lead; we book others five days out.
    private void scheduleMeeting(Effective trigger, AgentContext context) {
        LeadEvent.Qualified lead = trigger.payloadAs(LeadEvent.Qualified.class);
        boolean priority = "high".equals(lead.priority());
        Instant at = context.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(priority ? 2 : 5))
                .plus(Duration.ofHours(10));
        String meetingId = context.derivedId("MTG", "discovery");
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
        context.emit(Emission.of(
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
                .action("schedule_meeting"));
    }

    private record Booking(double confidence, List<String> reasons) implements Judgement {}
}

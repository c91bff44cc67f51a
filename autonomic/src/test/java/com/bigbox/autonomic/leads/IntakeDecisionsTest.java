package com.bigbox.autonomic.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.agents.Decided;
import com.bigbox.autonomic.agents.Triggers;
import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The intake decisions, case by case: a trigger → what is emitted, where, with which confidence and reasons. */
class IntakeDecisionsTest {
    static final StreamId LEAD = StreamId.of("LEAD", "lead-1");
    static final String LONG = "We need a full rebrand before our launch in spring, with a new logo and guidelines."
            + " Budget is approved.";

    static Effective inquiry(String email, String company, String budget) {
        return Triggers.fact(
                LEAD,
                new LeadEvent.InquiryReceived(
                        "client-1",
                        "Ada",
                        email,
                        "+1 555 0100",
                        company,
                        new BigDecimal(budget),
                        LONG,
                        "high",
                        "api",
                        true,
                        List.of()));
    }

    static Effective qualified(String priority, double confidence, boolean byHuman) {
        return Triggers.released(
                LEAD,
                new LeadEvent.Qualified(
                        "client-1", "lead-1", 90, priority, "Ada", "ada@acme.test", "Acme", new BigDecimal("40000")),
                confidence,
                byHuman);
    }

    static Stream<Arguments> triggers() {
        return Stream.of(
                Arguments.of(
                        "a full inquiry is qualified as a priority lead",
                        inquiry("ada@acme.test", "Acme", "40000"),
                        new Decided(
                                "LEAD_QUALIFIED",
                                "LEAD/lead-1",
                                "routine",
                                "qualify_lead",
                                "Qualify lead Acme (score 100)",
                                false,
                                0.95,
                                List.of(
                                        "base score 50",
                                        "urgency is high (+20): high",
                                        "company named: Acme (+10)",
                                        "email and phone given (+10)",
                                        "message over 100 characters (+10)",
                                        "a company is named (+0.6)",
                                        "a phone number is given (+0.6)",
                                        "a budget is stated (+0.4)",
                                        "the budget is five times the minimum engagement or more (+0.8)",
                                        "the message says something (19 words) (+0.4)",
                                        "the message runs to 2 sentences (+1.2)",
                                        "it says what is wanted ('need') (+0.4)",
                                        "it says when ('before') (+0.4)",
                                        "it is urgent (+0.6)",
                                        "confidence 0.95 (evidence +5.4, as a probability, within 0.50-0.95)",
                                        "priority high (confidence >= 0.85 and score >= 70)")),
                        new LeadEvent.Qualified(
                                "client-1",
                                "lead-1",
                                100,
                                "high",
                                "Ada",
                                "ada@acme.test",
                                "Acme",
                                new BigDecimal("40000"))),
                Arguments.of(
                        "a budget just under the minimum is turned down, less surely; the last reason given",
                        inquiry("ada@acme.test", "Acme", "800"),
                        new Decided(
                                "LEAD_DISQUALIFIED",
                                "LEAD/lead-1",
                                "routine",
                                "disqualify_lead",
                                "Turn down lead Acme (score 100)",
                                false,
                                0.75,
                                List.of(
                                        "base score 50",
                                        "urgency is high (+20): high",
                                        "company named: Acme (+10)",
                                        "email and phone given (+10)",
                                        "message over 100 characters (+10)",
                                        "a company is named (+0.6)",
                                        "a phone number is given (+0.6)",
                                        "the message says something (19 words) (+0.4)",
                                        "the message runs to 2 sentences (+1.2)",
                                        "it says what is wanted ('need') (+0.4)",
                                        "it says when ('before') (+0.4)",
                                        "it is urgent (+0.6)",
                                        "confidence 0.95 (evidence +4.2, as a probability, within 0.50-0.95)",
                                        "budget 800 is below the minimum engagement of 1000 (confidence 0.75)")),
                        new LeadEvent.Disqualified(
                                "client-1",
                                "lead-1",
                                100,
                                "budget 800 is below the minimum engagement of 1000 (confidence 0.75)")),
                Arguments.of(
                        "a priority lead a person approved is booked two days out",
                        qualified("high", 0.95, true),
                        new Decided(
                                "MEETING_SCHEDULED",
                                "MEETING/" + meetingId(qualified("high", 0.95, true)),
                                "scheduling",
                                "schedule_meeting",
                                "Book discovery meeting with Acme on 2026-03-04T10:00:00Z",
                                false,
                                0.90,
                                List.of(
                                        "a person approved the qualification",
                                        "priority lead: two days out, 10:00 UTC")),
                        new MeetingEvent.Scheduled(
                                "client-1",
                                meetingId(qualified("high", 0.95, true)),
                                "lead-1",
                                "discovery",
                                Instant.parse("2026-03-04T10:00:00Z"),
                                "high")),
                Arguments.of(
                        "a standard lead that took effect alone is booked five days out, as sure as it was",
                        qualified("standard", 0.82, false),
                        new Decided(
                                "MEETING_SCHEDULED",
                                "MEETING/" + meetingId(qualified("standard", 0.82, false)),
                                "scheduling",
                                "schedule_meeting",
                                "Book discovery meeting with Acme on 2026-03-07T10:00:00Z",
                                false,
                                0.82,
                                List.of(
                                        "the qualification took effect autonomously",
                                        "standard lead: five days out, 10:00 UTC")),
                        new MeetingEvent.Scheduled(
                                "client-1",
                                meetingId(qualified("standard", 0.82, false)),
                                "lead-1",
                                "discovery",
                                Instant.parse("2026-03-07T10:00:00Z"),
                                "standard")));
    }

    static String meetingId(Effective trigger) {
        return Triggers.derived(trigger, "MTG", "discovery");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void decides(String description, Effective trigger, Decided expected, DomainEvent payload) {
        var decisions = IntakeDecisions.decide(trigger, new LeadRules(), Triggers.AT);
        assertThat(Decided.all(decisions)).containsExactly(expected);
        assertThat(decisions.getFirst().payload()).isEqualTo(payload);
    }

    @ParameterizedTest(name = "a raw lead from {0} is recorded as an inquiry")
    @MethodSource("rawLeads")
    void aRawLeadIsRecordedAsAnInquiry(String source, String recordedSource) {
        var raw = new LeadEvent.LeadReceived(
                "client-1", "Ada", "ada@acme.test", null, "Acme", new BigDecimal("40000"), "Hi", "high", source);
        var decisions = IntakeDecisions.decide(Triggers.fact(LEAD, raw), new LeadRules(), Triggers.AT);
        assertThat(Decided.all(decisions))
                .extracting(Decided::type, Decided::stream, Decided::summary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "LEAD_INQUIRY_RECEIVED", "LEAD/lead-1", "Record inquiry from Ada"));
        var inquiry = (LeadEvent.InquiryReceived) decisions.getFirst().payload();
        assertThat(inquiry.source()).isEqualTo(recordedSource);
        assertThat(inquiry.clientId()).isEqualTo("client-1");
        assertThat(inquiry.email()).isEqualTo("ada@acme.test");
    }

    static Stream<Arguments> rawLeads() {
        return Stream.of(Arguments.of("webhook", "webhook"), Arguments.of(null, "lead_received"));
    }
}

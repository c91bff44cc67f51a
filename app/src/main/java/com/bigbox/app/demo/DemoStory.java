package com.bigbox.app.demo;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.finance.InvoiceEvent;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.autonomic.strategy.QuoteEvent;
import com.bigbox.core.EventStore;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's story in the demo: an inquiry, its qualification, a meeting, a quote the client accepts or
 * declines, a deposit invoice, the project, a payment (sometimes in part) and the client's rating. Each step
 * waits for the engine to act and its people to decide; the same random gives the same story.
 */
final class DemoStory {
    // The demo logs as one thing, as it did before its story was split out.
    private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);
    private static final List<String> COMPANIES = List.of(
            "Northwind Outfitters",
            "Blue Harbor Coffee",
            "Kestrel Robotics",
            "Lumen Dental",
            "Copperline Brewing",
            "Orchid Fintech",
            "Tidewater Events",
            "Summit Yoga",
            "Redfern Books",
            "Quartz Mobility",
            "Juniper Health",
            "Atlas Freight");
    private static final List<String> SERVICES = List.of("brand_identity", "campaign", "event_activation", "web");

    private final AutonomicOperations ops;
    private final EventStore store;
    private final DemoPeople people;
    private final Random random;
    private final int n;
    private final String company;
    private final boolean strong;
    private final String service;
    private final int budget;
    private final String contact;

    // The draws from random are in the order the story has always made them: the same seed, the same story.
    DemoStory(AutonomicOperations ops, EventStore store, DemoPeople people, int n, Random random) {
        this.ops = ops;
        this.store = store;
        this.people = people;
        this.random = random;
        this.n = n;
        this.company =
                COMPANIES.get(n % COMPANIES.size()) + (n >= COMPANIES.size() ? " " + (n / COMPANIES.size() + 1) : "");
        this.strong = random.nextDouble() < 0.7;
        this.service = SERVICES.get(random.nextInt(SERVICES.size()));
        this.budget = 8_000 + random.nextInt(60) * 1_000;
        this.contact = "contact" + n + "@" + company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".test";
    }

    /** True when told to the end, false when it ended early as stories do (a rejection, a declined quote). */
    boolean tell() {
        UUID flow = inquire();
        RecordedEvent qualified =
                people.await(flow, "LEAD_QUALIFIED", Duration.ofHours(2)).orElse(null);
        if (qualified == null || !people.released(qualified, random, 0.15)) {
            return false;
        }
        RecordedEvent meeting =
                people.await(flow, "MEETING_SCHEDULED", Duration.ofHours(2)).orElse(null);
        if (meeting == null || !people.released(meeting, random, 0.0)) {
            return false;
        }
        double sentiment = meet(meeting);
        RecordedEvent quote =
                people.await(flow, "QUOTE_GENERATED", Duration.ofHours(6)).orElse(null);
        if (quote == null || !people.released(quote, random, 0.1)) {
            return false;
        }
        people.sleep(Duration.ofDays(1 + random.nextInt(3)));
        if (random.nextDouble() < 0.15) {
            log.debug("Demo: {} declined the quote", company);
            return false;
        }
        QuoteEvent.Generated q = accept(quote);
        RecordedEvent deposit =
                people.await(flow, "INVOICE_ISSUED", Duration.ofHours(6)).orElse(null);
        if (deposit == null || !people.released(deposit, random, 0.0)) {
            return false;
        }
        deliver(q, deposit, sentiment);
        log.debug("Demo: {} story told", company);
        return true;
    }

    // The lead arrives through the intake path: a strong one with a company, budget and brief, a thin one without.
    private UUID inquire() {
        RecordedEvent inquiry = store.inTransaction(w -> ops.leadIntake()
                .receive(
                        w,
                        new LeadInquiry(
                                "Contact " + n,
                                contact,
                                strong ? "+1 555 01" + String.format("%02d", n % 100) : null,
                                strong ? company : null,
                                strong ? BigDecimal.valueOf(budget) : null,
                                strong
                                        ? "We need help with a " + service.replace('_', ' ')
                                                + " this quarter: new audiences, a launch, and a team that "
                                                + "can move fast. Budget is approved."
                                        : "Hi, can you help us?",
                                strong && random.nextBoolean() ? "high" : null,
                                "demo",
                                null)));
        log.debug("Demo: lead {} from {} ({})", n, strong ? company : contact, strong ? "strong" : "thin");
        return inquiry.correlationId();
    }

    // Two days later the meeting happens; about one in eight goes badly. Returns how it felt.
    private double meet(RecordedEvent meeting) {
        people.sleep(Duration.ofDays(2));
        String meetingId =
                EventCodec.decode(meeting, MeetingEvent.Scheduled.class).meetingId();
        double sentiment =
                random.nextDouble() < 0.12 ? -0.6 - random.nextDouble() * 0.3 : 0.2 + random.nextDouble() * 0.7;
        people.post(
                StreamId.of("MEETING", meetingId),
                "MEETING_COMPLETED",
                Map.of(
                        "sentiment",
                        Math.round(sentiment * 100) / 100.0,
                        "attended",
                        random.nextDouble() > 0.05,
                        "action_items",
                        List.of("Send moodboard examples", "Share the timeline"),
                        "goals",
                        List.of("reach new customers", "launch this quarter"),
                        "service_type",
                        service,
                        "budget",
                        budget,
                        "timeline_weeks",
                        3 + random.nextInt(10)),
                "account-manager");
        return sentiment;
    }

    private QuoteEvent.Generated accept(RecordedEvent quote) {
        QuoteEvent.Generated q = EventCodec.decode(quote, QuoteEvent.Generated.class);
        people.post(
                StreamId.of("QUOTE", q.quoteId()),
                "QUOTE_APPROVED",
                Map.of(
                        "quote_id",
                        q.quoteId(),
                        "project_id",
                        q.projectId(),
                        "amount",
                        q.amount(),
                        "approved_by",
                        "client"),
                "client:" + contact);
        return q;
    }

    // The project starts, the deposit is paid (a fifth of clients pay half), and the client rates the work.
    private void deliver(QuoteEvent.Generated q, RecordedEvent deposit, double sentiment) {
        people.sleep(Duration.ofDays(1));
        people.post(
                StreamId.of("PROJECT", q.projectId()),
                "PROJECT_STARTED",
                Map.of(
                        "project_id",
                        q.projectId(),
                        "quote_id",
                        q.quoteId(),
                        "service_type",
                        service,
                        "budget",
                        q.amount(),
                        "timeline_weeks",
                        2 + random.nextInt(10),
                        "team_size",
                        1 + random.nextInt(4)),
                "account-manager");
        people.sleep(Duration.ofDays(2 + random.nextInt(4)));
        InvoiceEvent.Issued invoice = EventCodec.decode(deposit, InvoiceEvent.Issued.class);
        BigDecimal paid = random.nextDouble() < 0.2 ? invoice.amount().divide(BigDecimal.TWO) : invoice.amount();
        people.post(
                StreamId.of("INVOICE", invoice.invoiceId()),
                "PAYMENT_RECEIVED",
                Map.of("invoice_id", invoice.invoiceId(), "amount", paid),
                "bank");
        people.sleep(Duration.ofDays(2));
        people.post(
                StreamId.of("CLIENT", invoice.clientId()),
                "CLIENT_FEEDBACK_RECEIVED",
                Map.of(
                        "client_id",
                        invoice.clientId(),
                        "score",
                        sentiment < 0 ? 3 + random.nextInt(4) : 7 + random.nextInt(4),
                        "quality",
                        Math.round((0.6 + random.nextDouble() * 0.4) * 100) / 100.0),
                "client:" + contact);
    }
}

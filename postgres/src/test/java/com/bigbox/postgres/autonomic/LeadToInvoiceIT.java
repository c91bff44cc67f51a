package com.bigbox.postgres.autonomic;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.approvals.DecisionCommand;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.finance.InvoiceEvent;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.autonomic.strategy.QuoteEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.postgres.projections.ProjectionRebuild;
import com.bigbox.testkit.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A complete lead, end to end on real PostgreSQL: qualification, meeting, strategy, quote approval,
 * project start and invoicing, with the right events, approvals, SOP measurements (through the seed's
 * own query) and projections that a replay rebuilds to the same rows.
 */
class LeadToInvoiceIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final MutableClock clock =
            new MutableClock(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9)));
    static AutonomicHarness engine;

    @BeforeAll
    static void start() {
        engine = AutonomicHarness.start(db, "flow", clock);
        assertThat(engine.loadShippedSops().count("loaded")).isEqualTo(9);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aCompleteLeadFlowsFromInquiryToInvoicing() throws IOException {
        Instant t0 = clock.instant();
        RecordedEvent inquiry = engine.tx(w -> engine.ops()
                .leadIntake()
                .receive(
                        w,
                        new LeadInquiry(
                                "Ada Lovelace",
                                "ada@acme.test",
                                "+1 555 0100",
                                "Acme Rockets",
                                new BigDecimal("25000"),
                                "We are launching a new rocket line this spring and need a campaign that reaches engineers and buyers alike.",
                                "high",
                                "test",
                                null)));
        UUID flow = inquiry.correlationId();
        assertThat(inquiry.confidence().value()).isEqualTo(0.95);

        // Qualification: every signal present, so it executes, and the discovery call is booked two days out.
        RecordedEvent qualified =
                engine.awaitEvent("LEAD_QUALIFIED", e -> e.correlationId().equals(flow));
        assertThat(qualified.confidence().value()).isEqualTo(0.95);
        assertThat(qualified.causationId()).isEqualTo(inquiry.eventId());
        assertThat(qualified.emittedBy()).isEqualTo("IntakeAgent");
        assertThat(qualified.metadata()).contains("urgency is high (+20)");
        assertThat(engine.awaitRelease(qualified.eventId()).type()).isEqualTo("AUTONOMIC_DECISION_EXECUTED");
        RecordedEvent meeting =
                engine.awaitEvent("MEETING_SCHEDULED", e -> e.correlationId().equals(flow));
        assertThat(meeting.causationId())
                .as("reacts to the release")
                .isEqualTo(engine.awaitRelease(qualified.eventId()).eventId());
        MeetingEvent.Scheduled scheduled = EventCodec.decode(meeting, MeetingEvent.Scheduled.class);
        assertThat(scheduled.scheduledFor())
                .isEqualTo(
                        t0.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)).plus(Duration.ofHours(10)));
        engine.awaitRelease(meeting.eventId());
        engine.awaitQuiet();

        // The meeting happens two days later; its notes are posted by a person on the meeting.
        clock.advance(Duration.ofDays(2));
        engine.post(StreamId.of("MEETING", scheduled.meetingId()), "MEETING_COMPLETED", """
                {"sentiment": 0.6, "attended": true, "action_items": ["Send moodboard examples"],
                 "goals": ["launch the spring campaign"], "service_type": "campaign", "budget": 25000, "timeline_weeks": 7}""", "alex", clock);
        RecordedEvent intent =
                engine.awaitEvent("INTENT_INFERRED", e -> e.correlationId().equals(flow));
        assertThat(intent.confidence().value()).isEqualTo(0.95);
        RecordedEvent quote =
                engine.awaitEvent("QUOTE_GENERATED", e -> e.correlationId().equals(flow));
        QuoteEvent.Generated generated = EventCodec.decode(quote, QuoteEvent.Generated.class);
        assertThat(generated.amount()).isEqualByComparingTo("25000");
        engine.awaitEvent(
                "TASK_ASSIGNED",
                e -> e.correlationId().equals(flow) && e.payload().contains("dana")
                        || e.correlationId().equals(flow) && e.payload().contains("lee"));

        // 25,000 is above the financial limit: finance decides.
        Approval quoteApproval = engine.awaitPendingApproval(quote.eventId());
        assertThat(quoteApproval.actionClass()).isEqualTo("financial");
        assertThat(quoteApproval.assignedRole()).isEqualTo("finance");
        assertThat(quoteApproval.priority()).isEqualTo("high");
        assertThat(quoteApproval.evidence()).contains(quote.eventId());
        assertThat(quoteApproval.decisionContext()).contains("exceeds the financial limit 10000");
        engine.awaitQuiet();
        assertThat(engine.flow(flow))
                .extracting(RecordedEvent::type)
                .doesNotContain("QUOTE_APPROVED", "INVOICE_ISSUED");

        clock.advance(Duration.ofHours(3));
        engine.tx(w -> engine.ops()
                .approvals()
                .decide(w, quoteApproval.approvalId(), new DecisionCommand.Approve("pat", "price checked")));
        engine.awaitRelease(quote.eventId());
        engine.awaitQuiet();

        // The client accepts the quote a day later; finance invoices the deposit, which (12,500) needs a person too.
        clock.advance(Duration.ofDays(1));
        engine.post(
                StreamId.of("QUOTE", generated.quoteId()),
                "QUOTE_APPROVED",
                "{\"quote_id\": \"" + generated.quoteId() + "\", \"project_id\": \"" + generated.projectId()
                        + "\", \"amount\": 25000, \"approved_by\": \"client:ada\"}",
                "client:ada",
                clock);
        RecordedEvent deposit =
                engine.awaitEvent("INVOICE_ISSUED", e -> e.correlationId().equals(flow));
        InvoiceEvent.Issued depositInvoice = EventCodec.decode(deposit, InvoiceEvent.Issued.class);
        assertThat(depositInvoice.kind()).isEqualTo("deposit");
        assertThat(depositInvoice.amount()).isEqualByComparingTo("12500.00");
        assertThat(depositInvoice.dueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
        Approval depositApproval = engine.awaitPendingApproval(deposit.eventId());
        clock.advance(Duration.ofHours(1));
        engine.tx(w -> engine.ops()
                .approvals()
                .decide(w, depositApproval.approvalId(), new DecisionCommand.Approve("pat", null)));
        engine.awaitRelease(deposit.eventId());
        engine.awaitQuiet();

        // Work starts the next day; the deposit is not invoiced twice.
        clock.advance(Duration.ofDays(1));
        engine.post(
                StreamId.of("PROJECT", generated.projectId()),
                "PROJECT_STARTED",
                "{\"project_id\": \"" + generated.projectId() + "\", \"quote_id\": \"" + generated.quoteId()
                        + "\", \"service_type\": \"campaign\", \"budget\": 25000, \"timeline_weeks\": 7, \"team_size\": 3}",
                "alex",
                clock);
        engine.awaitQuiet();
        assertThat(engine.flow(flow))
                .filteredOn(e -> e.type().equals("INVOICE_ISSUED"))
                .hasSize(1);

        // The deposit is paid five days later: the balance invoice follows.
        clock.advance(Duration.ofDays(5));
        engine.post(
                StreamId.of("INVOICE", depositInvoice.invoiceId()),
                "PAYMENT_RECEIVED",
                "{\"invoice_id\": \"" + depositInvoice.invoiceId() + "\", \"amount\": 12500}",
                "bank",
                clock);
        engine.awaitEvent(
                "INVOICE_ISSUED",
                e -> e.correlationId().equals(flow)
                        && "balance"
                                .equals(EventCodec.decode(e, InvoiceEvent.Issued.class)
                                        .kind()));
        engine.awaitQuiet();

        List<String> types = engine.flow(flow).stream().map(RecordedEvent::type).toList();
        assertThat(types)
                .contains(
                        "LEAD_INQUIRY_RECEIVED",
                        "LEAD_QUALIFIED",
                        "MEETING_SCHEDULED",
                        "MEETING_COMPLETED",
                        "INTENT_INFERRED",
                        "TASK_CREATED",
                        "TASK_ASSIGNED",
                        "CREATIVE_BRIEF_GENERATED",
                        "PROJECT_RECOMMENDED",
                        "QUOTE_GENERATED",
                        "HUMAN_APPROVAL_REQUESTED",
                        "HUMAN_APPROVAL_GRANTED",
                        "QUOTE_APPROVED",
                        "INVOICE_ISSUED",
                        "PROJECT_STARTED",
                        "PAYMENT_RECEIVED",
                        "AUTONOMIC_DECISION_EXECUTED",
                        "SOP_EXECUTION_STARTED",
                        "SOP_STEP_COMPLETED",
                        "SOP_EXECUTION_COMPLETED");
        assertThat(types).doesNotContain("PROJECT_AT_RISK", "RISK_DETECTED", "LEAD_DISQUALIFIED");
        assertThat(engine.flow(flow))
                .filteredOn(e -> e.emittedBy().endsWith("Agent"))
                .allSatisfy(e -> assertThat(e.correlationId()).isEqualTo(flow));
        assertThat(engine.rows("select count(*) from human_approvals where correlation_id = ?", flow))
                .containsExactly("3");
        assertThat(engine.rows(
                        "select decision_event_type, status, resolved_by from human_approvals where correlation_id = ? order by created_at",
                        flow))
                .containsExactly(
                        "QUOTE_GENERATED | approved | pat",
                        "INVOICE_ISSUED | approved | pat",
                        "INVOICE_ISSUED | pending | null");

        // The seed's "SOP execution metrics" query, as docs/seed-queries.sql has it.
        assertThat(engine.rows(seedQuery("sop_execution_metrics")))
                .containsExactly(
                        "client-onboarding | 1 | 25.00 | 0.00 | 0.92 | 91.67",
                        "discovery-meeting | 1 | 48.00 | 0.50 | 1.00 | 100.75",
                        "invoicing-and-payment-follow-up | 1 | 144.00 | 0.50 | 0.08 | 8.58",
                        "lead-intake-qualification | 1 | 0.00 | 1.00 | 0.00 | 2.50",
                        "proposal-and-quote | 1 | 27.00 | 0.50 | 0.83 | 86.33");
        assertThat(
                        engine.rows(
                                "select sop_id, total_steps, automated_steps from sop_executions where status = 'completed' order by sop_id"))
                .containsExactly(
                        "client-onboarding | 2 | 0",
                        "discovery-meeting | 2 | 1",
                        "invoicing-and-payment-follow-up | 2 | 1",
                        "lead-intake-qualification | 3 | 3",
                        "proposal-and-quote | 4 | 2");

        // Projections: the seed's agent performance query works, and a replay rebuilds exactly the live rows.
        assertThat(engine.rows(seedQuery("agent_performance_30d")))
                .anySatisfy(r -> assertThat(r).startsWith("StrategyAgent | "));
        assertThat(
                        engine.rows(
                                "select sum(human_escalations), sum(approvals_agreed), count(*) from agent_metrics where agent_id = 'FinanceAgent'"))
                .as("two days, one escalation each; the deposit was approved")
                .containsExactly("2 | 1 | 2");
        assertThat(engine.rows(
                        "select health_status, revenue_30d from client_health where client_id = 'client-acme-rockets'"))
                .containsExactly("healthy | 12500.00");
        List<String> liveMetrics = engine.rows("select * from agent_metrics order by agent_id, window_start");
        List<String> liveHealth = engine.rows("select * from client_health order by client_id");
        var rebuilt =
                new ProjectionRebuild(engine.node().store(), engine.ops().projections()).rebuild((done, total) -> {});
        assertThat(rebuilt.events()).isGreaterThan(40);
        assertThat(engine.rows("select * from agent_metrics order by agent_id, window_start"))
                .isEqualTo(liveMetrics);
        assertThat(engine.rows("select * from client_health order by client_id"))
                .isEqualTo(liveHealth);
    }

    static String seedQuery(String name) throws IOException {
        String all = Files.readString(
                Path.of(System.getProperty("user.dir")).getParent().resolve("docs/seed-queries.sql"));
        int start = all.indexOf("-- name: " + name);
        int end = all.indexOf("-- name:", start + 1);
        String block = all.substring(start, end < 0 ? all.length() : end);
        return block.substring(block.indexOf('\n') + 1).strip().replaceAll(";$", "");
    }
}

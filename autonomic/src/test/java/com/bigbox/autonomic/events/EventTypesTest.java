package com.bigbox.autonomic.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.autonomic.finance.InvoiceEvent;
import com.bigbox.autonomic.leads.LeadEvent;
import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.autonomic.projects.StaffEvent;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.autonomic.strategy.QuoteEvent;
import com.bigbox.core.Confidence;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTypesTest {
    /** ORIGINAL-ENGINE.md: declared, used-but-undeclared, and the seed's LEAD_INQUIRY_RECEIVED. */
    static final List<String> ORIGINAL = List.of(
            "LEAD_RECEIVED",
            "LEAD_QUALIFIED",
            "MEETING_SCHEDULED",
            "MEETING_COMPLETED",
            "INTENT_INFERRED",
            "RISK_DETECTED",
            "TASK_CREATED",
            "TASK_ASSIGNED",
            "TASK_COMPLETED",
            "PROJECT_STARTED",
            "PROJECT_AT_RISK",
            "QUOTE_GENERATED",
            "QUOTE_APPROVED",
            "INVOICE_ISSUED",
            "PAYMENT_RECEIVED",
            "PAYMENT_REMINDER_SENT",
            "HUMAN_APPROVAL_REQUESTED",
            "HUMAN_OVERRIDE",
            "AUTONOMIC_DECISION_EXECUTED",
            "SOP_EXECUTION_COMPLETED",
            "SOP_OPTIMIZATION_RECOMMENDED",
            "AUTOMATION_OPPORTUNITY_DETECTED",
            "MARGIN_EROSION_DETECTED",
            "AUTOMATION_ROI_CALCULATED",
            "PROCESS_DRIFT_DETECTED",
            "HUMAN_FATIGUE_SIGNAL",
            "CLIENT_ATTENTION_DECAY",
            "CONFIDENCE_CALIBRATION_REQUIRED",
            "AUTOMATION_GAP_FOUND",
            "CEO_INTERRUPT_REQUIRED",
            "CREATIVE_BRIEF_GENERATED",
            "PROJECT_RECOMMENDED",
            "PROJECT_COMPLETED",
            "PROJECT_MILESTONE_COMPLETED",
            "SOP_VERSION_PROPOSED",
            "SOP_VERSION_ACTIVATED",
            "CHAOS_EXPERIMENT_STARTED",
            "CHAOS_EXPERIMENT_COMPLETED",
            "CHAOS_RESILIENCE_SCORE",
            "LEAD_INQUIRY_RECEIVED",
            "LEAD_DISQUALIFIED",
            "HUMAN_APPROVAL_GRANTED",
            "HUMAN_APPROVAL_REJECTED",
            "APPROVED_BY_SILENCE");

    @Test
    void theWholeOriginalCatalogueIsDeclared() {
        assertThat(ORIGINAL)
                .allSatisfy(t -> assertThat(EventCatalogue.isDeclared(t)).as(t).isTrue());
    }

    @Test
    void chaosEventsAreDeclaredOnTheAggregatesTheyAreAppendedTo() {
        for (String type : com.bigbox.autonomic.chaos.ChaosEvent.TYPES) {
            assertThat(EventCatalogue.find(type)).as(type).hasValueSatisfying(t -> {
                assertThat(t.category()).isEqualTo(EventCategory.CHAOS);
                assertThat(t.aggregateType()).isEqualTo(com.bigbox.autonomic.chaos.ChaosEvent.AGGREGATE_TYPE);
            });
        }
        assertThat(EventCatalogue.find(com.bigbox.autonomic.chaos.ProbeWorkload.EVENT_TYPE))
                .hasValueSatisfying(t -> assertThat(t.aggregateType())
                        .isEqualTo(com.bigbox.autonomic.chaos.ProbeWorkload.AGGREGATE_TYPE));
    }

    @Test
    void everyRecordOfAFeatureFolderIsBoundToItsDeclaredType() {
        for (Class<?> events : List.of(
                LeadEvent.class,
                MeetingEvent.class,
                QuoteEvent.class,
                ProjectEvent.class,
                TaskEvent.class,
                StaffEvent.class,
                InvoiceEvent.class)) {
            for (Class<?> record : events.getPermittedSubclasses()) {
                assertThat(EventCatalogue.all())
                        .as(record.getName())
                        .anySatisfy(t -> assertThat(t.payload()).isEqualTo(record));
            }
        }
        assertThat(EventCatalogue.find("TASK_ASSIGNED"))
                .hasValueSatisfying(t -> assertThat(t.aggregateType()).isEqualTo("TASK"));
    }

    @Test
    void everyRecordMapsToItsTypeAndBack() {
        var qualified = new LeadEvent.Qualified(
                "client-acme", "LEAD-1", 90, "high", "Ada", "ada@acme.test", "Acme", new BigDecimal("40000"));
        assertThat(EventCodec.typeOf(qualified)).isEqualTo("LEAD_QUALIFIED");
        String json = EventCodec.payload(qualified);
        assertThat(json).contains("\"client_id\":\"client-acme\"", "\"lead_id\":\"LEAD-1\"");
        RecordedEvent stored = new RecordedEvent(
                UUID.randomUUID(),
                "LEAD_QUALIFIED",
                StreamId.of("LEAD", "LEAD-1"),
                2,
                new Position(1, 1),
                json,
                "{}",
                UUID.randomUUID(),
                null,
                "IntakeAgent",
                Confidence.of(0.9),
                Instant.now(),
                Instant.now());
        assertThat(EventCodec.decode(stored)).contains(qualified);
    }

    @Test
    void aPayloadFieldOfTheWrongShapeIsNamed() {
        assertThatThrownBy(() -> EventCodec.read("{\"budget\": {\"no\": 1}}", LeadEvent.LeadReceived.class))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("budget"));
    }
}

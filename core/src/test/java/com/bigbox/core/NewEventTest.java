package com.bigbox.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewEventTest {
    @Test
    void aNewEventCorrelatesWithItselfUntilToldOtherwise() {
        NewEvent e = NewEvent.of("LEAD_RECEIVED", "{\"name\":\"x\"}");
        assertThat(e.correlationId()).isEqualTo(e.eventId());
        assertThat(e.metadata()).isEqualTo("{}");
        assertThat(e.emittedBy()).isEqualTo("system");
        assertThat(e.timestamp()).isNull();

        UUID id = UUID.randomUUID();
        assertThat(e.withId(id).correlationId())
                .as("follows the id while it is its own flow")
                .isEqualTo(id);
    }

    @Test
    void continuingAFlowTakesTheCausesCorrelationAndNamesTheCause() {
        var cause = new RecordedEvent(
                UUID.randomUUID(),
                "LEAD_RECEIVED",
                StreamId.of("LEAD", "1"),
                1,
                new Position(1, 1),
                "{}",
                "{}",
                UUID.randomUUID(),
                null,
                "api",
                null,
                Instant.EPOCH,
                Instant.EPOCH);
        NewEvent next = NewEvent.of("LEAD_QUALIFIED", "{}")
                .causedBy(cause)
                .emittedBy("IntakeAgent")
                .withConfidence(0.876)
                .at(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(next.correlationId()).isEqualTo(cause.correlationId());
        assertThat(next.causationId()).isEqualTo(cause.eventId());
        assertThat(next.confidence().value()).isEqualTo(0.88);
        assertThat(next.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> NewEvent.of(" ", "{}"))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("event_type"));
        assertThatThrownBy(() -> NewEvent.of("X".repeat(201), "{}"))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("event_type"));
        assertThatThrownBy(() -> NewEvent.of("X", "[1,2]"))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("payload"));
        assertThatThrownBy(() -> NewEvent.of("X", null))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("payload"));
        assertThatThrownBy(() -> NewEvent.of("X", "{}").withMetadata("\"text\""))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("metadata"));
        assertThatThrownBy(() -> NewEvent.of("X", "{}").emittedBy(""))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("emitted_by"));
        assertThatThrownBy(() -> StreamId.of("LEAD", ""))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("aggregate_id"));
        assertThatThrownBy(() -> ExpectedVersion.exactly(-1))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("expected_version"));
    }
}

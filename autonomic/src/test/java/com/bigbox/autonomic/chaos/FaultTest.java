package com.bigbox.autonomic.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static Fault fault(FaultKind kind, Intensity intensity, String subscription, Set<String> types) {
        return new Fault(
                UUID.randomUUID(),
                null,
                kind,
                intensity,
                subscription,
                types,
                null,
                Duration.ofMillis(10),
                0.3,
                NOW.minusSeconds(1),
                NOW.plusSeconds(60));
    }

    @Test
    void intensityPicksItsShareOfEventsTheSameWayEveryTime() {
        for (Intensity intensity : Intensity.values()) {
            Fault fault = fault(FaultKind.DROP_EVENT, intensity, null, Set.of());
            List<UUID> events =
                    IntStream.range(0, 20_000).mapToObj(i -> UUID.randomUUID()).toList();
            long picked = events.stream().filter(fault::selects).count();
            assertThat(picked / 20_000.0)
                    .as(intensity.label())
                    .isBetween(intensity.fraction() - 0.015, intensity.fraction() + 0.015);
            assertThat(events.stream().filter(fault::selects).count())
                    .as("deterministic")
                    .isEqualTo(picked);
        }
        assertThat(Intensity.LOW.fraction()).isEqualTo(0.05);
        assertThat(Intensity.MEDIUM.fraction()).isEqualTo(0.20);
        assertThat(Intensity.HIGH.fraction()).isEqualTo(0.50);
    }

    @Test
    void protectedTypesAreNeverTouchedNorTargetable() {
        Fault everything = fault(FaultKind.SIMULATE_AGENT_FAILURE, Intensity.HIGH, null, Set.of());
        for (String type : ProtectedEventTypes.TYPES) {
            assertThat(everything.targets("agent:finance", type)).as(type).isFalse();
            for (int i = 0; i < 200; i++) {
                assertThat(FaultDecision.decide(List.of(everything), "agent:finance", type, UUID.randomUUID(), NOW))
                        .isEqualTo(FaultDecision.PASS);
            }
        }
        assertThatThrownBy(() -> fault(FaultKind.DROP_EVENT, Intensity.LOW, null, Set.of("PAYMENT_RECEIVED")))
                .hasMessageContaining("protected");
    }

    @Test
    void aFaultTargetsItsSubscriptionsTypesAndWindowOnly() {
        Fault intake = fault(FaultKind.DELAY_EVENT, Intensity.HIGH, "agent:intake", Set.of("LEAD_RECEIVED"));
        assertThat(intake.targets("agent:intake", "LEAD_RECEIVED")).isTrue();
        assertThat(intake.targets("agent:finance", "LEAD_RECEIVED")).isFalse();
        assertThat(intake.targets("agent:intake", "LEAD_QUALIFIED")).isFalse();
        Fault agents = fault(FaultKind.DELAY_EVENT, Intensity.HIGH, "agent:*", Set.of());
        assertThat(agents.targets("agent:finance", "X")).isTrue();
        assertThat(agents.targets("projection:client_health", "X")).isFalse();
        assertThat(intake.activeAt(NOW)).isTrue();
        assertThat(intake.activeAt(NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void decisionsFollowTheKind() {
        Fault always = new Fault(
                UUID.randomUUID(),
                null,
                FaultKind.LOWER_CONFIDENCE,
                Intensity.HIGH,
                null,
                Set.of(),
                null,
                null,
                0.3,
                NOW.minusSeconds(1),
                NOW.plusSeconds(1));
        UUID selected = IntStream.range(0, 1000)
                .mapToObj(i -> UUID.randomUUID())
                .filter(always::selects)
                .findFirst()
                .orElseThrow();
        assertThat(FaultDecision.decide(List.of(always), "s", "X", selected, NOW))
                .isInstanceOf(FaultDecision.LowerConfidence.class);
        assertThat(FaultDecision.decide(List.of(always), "s", "X", selected, NOW.plusSeconds(5)))
                .isEqualTo(FaultDecision.PASS);
    }

    @Test
    void kindSpecificSettingsAreChecked() {
        assertThatThrownBy(() -> new Fault(
                        UUID.randomUUID(),
                        null,
                        FaultKind.DELAY_EVENT,
                        Intensity.LOW,
                        null,
                        Set.of(),
                        null,
                        Duration.ZERO,
                        0,
                        NOW,
                        NOW.plusSeconds(1)))
                .hasMessageContaining("delay_ms");
        assertThatThrownBy(() -> new Fault(
                        UUID.randomUUID(),
                        null,
                        FaultKind.LOWER_CONFIDENCE,
                        Intensity.LOW,
                        null,
                        Set.of(),
                        null,
                        null,
                        0,
                        NOW,
                        NOW.plusSeconds(1)))
                .hasMessageContaining("confidence_drop");
        assertThatThrownBy(() -> new Fault(
                        UUID.randomUUID(),
                        null,
                        FaultKind.SIMULATE_HUMAN_ABSENCE,
                        Intensity.LOW,
                        null,
                        Set.of(),
                        null,
                        null,
                        0,
                        NOW,
                        NOW.plusSeconds(1)))
                .hasMessageContaining("role");
        assertThatThrownBy(() -> new Fault(
                        UUID.randomUUID(),
                        null,
                        FaultKind.DROP_EVENT,
                        Intensity.LOW,
                        null,
                        Set.of(),
                        null,
                        null,
                        0,
                        NOW,
                        NOW))
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> FaultKind.parse("explode")).hasMessageContaining("delay_event");
        assertThatThrownBy(() -> Intensity.parse("extreme")).hasMessageContaining("low, medium or high");
    }
}

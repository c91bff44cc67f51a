package com.bigbox.autonomic.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.core.AppendResult;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FaultInjectingHandlerTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final List<UUID> handled = new ArrayList<>();
    final List<String> hits = new ArrayList<>();
    final List<NewEvent> emitted = new ArrayList<>();

    // An agent: reacts to each event with one decision at confidence 0.9.
    final SubscriptionHandler agent = (event, work) -> {
        handled.add(event.eventId());
        work.append(
                StreamId.of("LEAD", "1"), NewEvent.of("LEAD_QUALIFIED", "{}").withConfidence(0.9));
    };

    ActiveFaults faults(Fault... faults) {
        return new ActiveFaults() {
            @Override
            public List<Fault> current() {
                return List.of(faults);
            }

            @Override
            public void hit(Fault fault, String subscription, UUID eventId, String effect) {
                hits.add(effect);
            }
        };
    }

    static Fault always(FaultKind kind) {
        // HIGH picks half; the events below are chosen among those it picks.
        return new Fault(
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                null,
                kind,
                Intensity.HIGH,
                "agent:intake",
                Set.of(),
                null,
                Duration.ofMillis(50),
                0.3,
                NOW.minusSeconds(1),
                NOW.plusSeconds(60));
    }

    static RecordedEvent eventPickedBy(Fault fault, String type) {
        UUID id;
        do {
            id = UUID.randomUUID();
        } while (!fault.selects(id));
        return new RecordedEvent(
                id,
                type,
                StreamId.of("LEAD", "1"),
                1,
                new Position(1, 1),
                "{}",
                "{}",
                id,
                null,
                "test",
                null,
                NOW,
                NOW);
    }

    @Test
    void withoutFaultsTheHandlerRunsAsIs() throws Exception {
        var event = eventPickedBy(always(FaultKind.DROP_EVENT), "LEAD_RECEIVED");
        FaultInjectingHandler.wrap("agent:intake", agent, ActiveFaults.NONE, CLOCK)
                .handle(event, new Recording());
        assertThat(handled).containsExactly(event.eventId());
        assertThat(emitted).extracting(e -> e.confidence().value()).containsExactly(0.9);
    }

    @Test
    void dropSkipsTheHandlerAndFailThrows() throws Exception {
        Fault drop = always(FaultKind.DROP_EVENT);
        var event = eventPickedBy(drop, "LEAD_RECEIVED");
        FaultInjectingHandler.wrap("agent:intake", agent, faults(drop), CLOCK).handle(event, new Recording());
        assertThat(handled).isEmpty();
        Fault fail = always(FaultKind.SIMULATE_AGENT_FAILURE);
        var failing = eventPickedBy(fail, "LEAD_RECEIVED");
        assertThatThrownBy(() -> FaultInjectingHandler.wrap("agent:intake", agent, faults(fail), CLOCK)
                        .handle(failing, new Recording()))
                .isInstanceOf(InjectedFailure.class)
                .hasMessageContaining("agent:intake");
        assertThat(hits).containsExactly("dropped", "failed");
    }

    @Test
    void delayRunsTheHandlerLateAndLowerConfidenceLowersWhatItEmits() throws Exception {
        Fault delay = always(FaultKind.DELAY_EVENT);
        var event = eventPickedBy(delay, "LEAD_RECEIVED");
        long start = System.nanoTime();
        FaultInjectingHandler.wrap("agent:intake", agent, faults(delay), CLOCK).handle(event, new Recording());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(handled).containsExactly(event.eventId());

        Fault lower = always(FaultKind.LOWER_CONFIDENCE);
        FaultInjectingHandler.wrap("agent:intake", agent, faults(lower), CLOCK)
                .handle(eventPickedBy(lower, "LEAD_RECEIVED"), new Recording());
        assertThat(emitted).extracting(e -> e.confidence().value()).containsExactly(0.9, 0.6);
        assertThat(hits).containsExactly("delayed", "confidence_lowered");
    }

    @Test
    void protectedEventsAndOtherSubscriptionsPass() throws Exception {
        Fault fail = always(FaultKind.SIMULATE_AGENT_FAILURE);
        FaultInjectingHandler.wrap("agent:intake", agent, faults(fail), CLOCK)
                .handle(eventPickedBy(fail, "PAYMENT_RECEIVED"), new Recording());
        FaultInjectingHandler.wrap("agent:finance", agent, faults(fail), CLOCK)
                .handle(eventPickedBy(fail, "LEAD_RECEIVED"), new Recording());
        assertThat(handled).hasSize(2);
        assertThat(hits).isEmpty();
    }

    @Test
    void humanAbsenceNamesTheRoleAndItsEnd() {
        Fault absent = new Fault(
                UUID.randomUUID(),
                null,
                FaultKind.SIMULATE_HUMAN_ABSENCE,
                Intensity.HIGH,
                null,
                Set.of(),
                "ceo",
                null,
                0,
                NOW.minusSeconds(1),
                NOW.plusSeconds(3600));
        var absence = new HumanAbsence(faults(absent), CLOCK);
        assertThat(absence.absentUntil("ceo")).contains(NOW.plusSeconds(3600));
        assertThat(absence.absentUntil("employee")).isEmpty();
    }

    /** A unit of work that records what the handler appends. */
    final class Recording implements UnitOfWork {
        @Override
        public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
            emitted.addAll(events);
            return new AppendResult(stream, events.size(), List.of(), false);
        }

        @Override
        public List<RecordedEvent> readStream(StreamId stream, long fromSequence) {
            return List.of();
        }

        @Override
        public List<RecordedEvent> readAll(Position after, int limit, Set<String> eventTypes) {
            return List.of();
        }

        @Override
        public Position head() {
            return Position.START;
        }

        @Override
        public Optional<Position> positionOf(long globalPosition) {
            return Optional.empty();
        }

        @Override
        public Optional<RecordedEvent> find(UUID eventId) {
            return Optional.empty();
        }

        @Override
        public long version(StreamId stream) {
            return 0;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}

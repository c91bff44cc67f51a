package com.bigbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocalEventBusTest {
    static RecordedEvent event(String type, String aggregateType) {
        return new RecordedEvent(
                UUID.randomUUID(),
                type,
                StreamId.of(aggregateType, "1"),
                1,
                new Position(1, 1),
                "{}",
                "{}",
                UUID.randomUUID(),
                null,
                "test",
                null,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void listenersGetWhatTheirFilterMatchesAndAFailingOneDoesNotStopTheOthers() {
        List<String> failures = new ArrayList<>();
        var bus = new LocalEventBus((event, e) -> failures.add(event.type() + ":" + e.getMessage()));
        List<String> byType = new ArrayList<>();
        List<String> byAggregate = new ArrayList<>();
        List<String> all = new ArrayList<>();
        bus.subscribe(EventFilter.types("LEAD_QUALIFIED"), e -> byType.add(e.type()));
        bus.subscribe(EventFilter.all(), e -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe(EventFilter.aggregateType("PROJECT"), e -> byAggregate.add(e.type()));
        Registration registration = bus.subscribe(EventFilter.all(), e -> all.add(e.type()));

        bus.publish(event("LEAD_QUALIFIED", "LEAD"));
        bus.publish(event("PROJECT_STARTED", "PROJECT"));
        registration.close();
        bus.publish(event("TASK_CREATED", "PROJECT"));

        assertThat(byType).containsExactly("LEAD_QUALIFIED");
        assertThat(byAggregate).containsExactly("PROJECT_STARTED", "TASK_CREATED");
        assertThat(all).containsExactly("LEAD_QUALIFIED", "PROJECT_STARTED");
        assertThat(failures).containsExactly("LEAD_QUALIFIED:boom", "PROJECT_STARTED:boom", "TASK_CREATED:boom");
    }
}

package com.bigbox.autonomic.events;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects the catalogue's declarations in their order (the order {@code GET /api/v1/event-types} lists them),
 * refusing a name declared twice and a feature's record that no declaration names.
 */
final class EventDeclarations {
    final Map<String, EventType> byName = new LinkedHashMap<>();
    final Map<Class<? extends DomainEvent>, EventType> byPayload = new LinkedHashMap<>();
    private final Map<String, Class<? extends DomainEvent>> featurePayloads;

    EventDeclarations(Iterable<EventPayloads> features) {
        Map<String, Class<? extends DomainEvent>> payloads = new HashMap<>();
        for (EventPayloads feature : features) {
            feature.payloads().forEach((name, payload) -> {
                if (payloads.putIfAbsent(name, payload) != null) {
                    throw new IllegalStateException("two features bind a record to " + name);
                }
            });
        }
        this.featurePayloads = payloads;
    }

    void declare(
            String name,
            EventCategory category,
            @Nullable String aggregateType,
            @Nullable Class<? extends DomainEvent> payload,
            String description) {
        var type = new EventType(name, category, aggregateType, payload, description);
        if (byName.putIfAbsent(name, type) != null) {
            throw new IllegalStateException("event type declared twice: " + name);
        }
        // CEO_INTERRUPT_REQUIRED shares HUMAN_APPROVAL_REQUESTED's payload; the first declaration names the record.
        if (payload != null) {
            byPayload.putIfAbsent(payload, type);
        }
    }

    /** A type whose record lives in a feature folder, which binds it ({@link EventPayloads}). */
    void declareFeature(String name, EventCategory category, String aggregateType, String description) {
        Class<? extends DomainEvent> payload = featurePayloads.get(name);
        if (payload == null) {
            throw new IllegalStateException("no feature binds a record to " + name + " (META-INF/services)");
        }
        declare(name, category, aggregateType, payload, description);
    }

    /** Every record a feature bound is declared. */
    void checkFeaturesDeclared() {
        for (String name : featurePayloads.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalStateException("a feature binds a record to the undeclared type " + name);
            }
        }
    }
}

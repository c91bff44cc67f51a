package com.bigbox.autonomic.events;

import org.jspecify.annotations.Nullable;

/**
 * One declared event type.
 *
 * @param name the stored {@code event_type}
 * @param aggregateType the stream type it is appended to ({@code LEAD}, {@code APPROVAL}, ...)
 * @param payload the record its payload maps to, or null where the payload is free-form (types other
 *     features emit, e.g. chaos and drift)
 */
public record EventType(
        String name,
        EventCategory category,
        @Nullable String aggregateType,
        @Nullable Class<? extends DomainEvent> payload,
        String description) {}

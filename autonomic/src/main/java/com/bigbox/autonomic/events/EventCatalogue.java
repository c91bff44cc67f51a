package com.bigbox.autonomic.events;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What each stored event type in {@link EventTypes} is: its category, the stream it is appended to, and the
 * record its payload maps to. Declared in three parts ({@link WorkEventTypes}, {@link OversightEventTypes},
 * {@link EngineEventTypes}), in the order they are listed.
 */
public final class EventCatalogue {
    private static final Map<String, EventType> BY_NAME;
    private static final Map<Class<? extends DomainEvent>, EventType> BY_PAYLOAD;

    static {
        var d = new EventDeclarations(ServiceLoader.load(EventPayloads.class, EventCatalogue.class.getClassLoader()));
        WorkEventTypes.declare(d);
        OversightEventTypes.declare(d);
        EngineEventTypes.declare(d);
        d.checkFeaturesDeclared();
        BY_NAME = d.byName;
        BY_PAYLOAD = d.byPayload;
    }

    private EventCatalogue() {}

    public static Collection<EventType> all() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }

    public static Optional<EventType> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static boolean isDeclared(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The type a payload record is stored as by default. */
    static EventType forPayload(Class<? extends DomainEvent> payload) {
        EventType type = BY_PAYLOAD.get(payload);
        if (type == null) {
            throw new IllegalArgumentException("no event type declared for " + payload.getName());
        }
        return type;
    }
}

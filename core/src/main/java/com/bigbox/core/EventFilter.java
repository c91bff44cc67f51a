package com.bigbox.core;

import java.util.Set;

/** Which events a listener or subscription wants. */
public sealed interface EventFilter {
    boolean matches(RecordedEvent event);

    static EventFilter all() {
        return new All();
    }

    static EventFilter types(String... eventTypes) {
        return new ByType(Set.of(eventTypes));
    }

    static EventFilter types(Set<String> eventTypes) {
        return new ByType(eventTypes);
    }

    static EventFilter aggregateType(String aggregateType) {
        return new ByAggregateType(aggregateType);
    }

    record All() implements EventFilter {
        @Override
        public boolean matches(RecordedEvent event) {
            return true;
        }
    }

    record ByType(Set<String> eventTypes) implements EventFilter {
        public ByType {
            eventTypes = Set.copyOf(eventTypes);
        }

        @Override
        public boolean matches(RecordedEvent event) {
            return eventTypes.contains(event.type());
        }
    }

    record ByAggregateType(String aggregateType) implements EventFilter {
        @Override
        public boolean matches(RecordedEvent event) {
            return event.stream().type().equals(aggregateType);
        }
    }
}

package com.bigbox.autonomic.events;

import java.util.Map;

/**
 * The records a feature folder's events are stored as, by type name. A feature's sealed events live in its own
 * folder ({@code leads}, {@code projects}, ...), which depends on this package, so this package cannot name them
 * without a package cycle: {@link EventCatalogue} finds them through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/com.bigbox.autonomic.events.EventPayloads}) and refuses to start when a feature binds a
 * name it does not declare or a declared name has no record.
 */
public interface EventPayloads {
    Map<String, Class<? extends DomainEvent>> payloads();
}

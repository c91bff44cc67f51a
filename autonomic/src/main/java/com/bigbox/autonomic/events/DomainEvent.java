package com.bigbox.autonomic.events;

import org.jspecify.annotations.Nullable;

/**
 * The payload of a stored event as the domain reads and writes it: one sealed interface per aggregate
 * with its events as records. {@link EventCodec} maps them to and from the stored type name and JSON. Not
 * sealed: a sealed interface's subtypes must share its package (there is no module-info), and the feature
 * folders ({@code leads}, {@code projects}, ...) hold their own events; {@link EventCatalogue} lists them all.
 */
public interface DomainEvent {

    /** The client the event concerns, or null when it concerns none (an agent's settings, an SOP). */
    @Nullable
    String clientId();
}

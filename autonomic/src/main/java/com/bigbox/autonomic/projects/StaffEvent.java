package com.bigbox.autonomic.projects;

import com.bigbox.autonomic.events.DomainEvent;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Events of a person's calendar ({@code STAFF/<person>}): what they post about the days they can take work. */
public sealed interface StaffEvent extends DomainEvent {
    /** A person's calendar concerns no client. */
    @Override
    default @Nullable String clientId() {
        return null;
    }

    /**
     * {@code person} is away, or back, from {@code from} to {@code to} (both included). The latest post that covers
     * a day says how that day stands, so a cancelled holiday is a post with {@code available} true.
     *
     * @param available false for an absence, true to withdraw one
     * @param reason why: {@code holiday}, {@code sick}, {@code full} (the day's work already fills it), …
     */
    record AvailabilityChanged(
            String person,
            LocalDate from,
            LocalDate to,
            boolean available,
            @Nullable String reason) implements StaffEvent {}
}

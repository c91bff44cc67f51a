package com.bigbox.autonomic.projects;

import static com.bigbox.autonomic.events.EventTypes.STAFF_AVAILABILITY_CHANGED;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.InvalidPayloadException;
import com.bigbox.core.RecordedEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The staff calendar as far as people have posted it: who is away on a day, and why. */
public interface StaffCalendar {
    /** A calendar nobody has posted to. */
    StaffCalendar EMPTY = (person, day) -> Optional.empty();

    /** Why {@code person} is away on {@code day} (holiday, sick, full), or empty when nothing says so. */
    Optional<String> away(String person, LocalDate day);

    /**
     * How {@code day} stands in a person's posts, oldest first: the latest post covering it decides.
     *
     * @return the reason of an absence, or empty when the person is available
     */
    static Optional<String> awayOn(List<StaffEvent.AvailabilityChanged> posts, LocalDate day) {
        Optional<String> away = Optional.empty();
        for (StaffEvent.AvailabilityChanged post : posts) {
            if (!day.isBefore(post.from()) && !day.isAfter(post.to())) {
                away = post.available()
                        ? Optional.empty()
                        : Optional.of(post.reason() == null ? "away" : post.reason());
            }
        }
        return away;
    }

    /**
     * The staff's own posts among the events of a person's {@code STAFF/<person>} stream, oldest first. Anyone signed
     * in can append there ({@code POST /api/events}), so two kinds of post are left out: one without its dates (it
     * says nothing, and must not stop every assignment after it), and one that names a client — a client's token may
     * append only events carrying its own {@code client_id} ({@code bigbox_access.client_may_append}), and no client
     * may say when the agency's staff are away.
     */
    static List<StaffEvent.AvailabilityChanged> posts(List<RecordedEvent> stream) {
        return stream.stream()
                .filter(e -> e.type().equals(STAFF_AVAILABILITY_CHANGED))
                .filter(e -> !EventCodec.tree(e.payload()).hasNonNull("client_id"))
                .flatMap(StaffCalendar::post)
                .toList();
    }

    private static Stream<StaffEvent.AvailabilityChanged> post(RecordedEvent event) {
        try {
            var post = EventCodec.decode(event, StaffEvent.AvailabilityChanged.class);
            return post.from() == null || post.to() == null ? Stream.empty() : Stream.of(post);
        } catch (InvalidPayloadException e) {
            return Stream.empty();
        }
    }
}

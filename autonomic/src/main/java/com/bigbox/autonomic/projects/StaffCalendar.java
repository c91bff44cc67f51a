package com.bigbox.autonomic.projects;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
}

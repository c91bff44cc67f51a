package com.bigbox.autonomic.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A person's quiet hours, in their time zone: {@code from} 22:00 {@code until} 07:00 spans midnight.
 * A notification due inside them waits until they end; a CEO interrupt goes at once when the person
 * lets it ({@code ceoInterruptsOverride}, the default).
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone, boolean ceoInterruptsOverride) {
    public QuietHours {
        if (from == null || until == null || zone == null) {
            throw new IllegalArgumentException("quiet hours need from, until and a time zone");
        }
        if (from.equals(until)) {
            throw new IllegalArgumentException("quiet hours from " + from + " until " + until + " are empty");
        }
    }

    public boolean contains(Instant t) {
        LocalTime local = t.atZone(zone).toLocalTime();
        return from.isBefore(until)
                ? !local.isBefore(from) && local.isBefore(until)
                : !local.isBefore(from) || local.isBefore(until);
    }

    /** {@code t}, or the end of the quiet hours {@code t} falls in. */
    public Instant nextAllowed(Instant t) {
        if (!contains(t)) {
            return t;
        }
        ZonedDateTime local = t.atZone(zone);
        ZonedDateTime end = local.with(until);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}

package com.bigbox.autonomic.notifications;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import org.jspecify.annotations.Nullable;

/**
 * When a notification may go: an SOP that keeps to business hours (or has blackout dates) holds it
 * until the agency is open, and a person's quiet hours hold it until they end. A CEO interrupt is
 * held by neither business hours nor — unless the person turned that off — quiet hours: it is the one
 * thing that may wake someone.
 */
public final class DeliveryTiming {
    private DeliveryTiming() {}

    public static Instant sendAt(
            Instant now, Trigger trigger, SopRules rules, BusinessCalendar calendar, @Nullable QuietHours quiet) {
        boolean interrupt = trigger == Trigger.CEO_INTERRUPT;
        boolean holdForBusiness = !interrupt
                && (rules.businessHoursOnly() || !rules.blackoutDates().isEmpty());
        BusinessCalendar open = calendar.withBlackout(rules.blackoutDates());
        if (!rules.businessHoursOnly()) {
            // Blackout dates alone hold whole days, not the hours of the others.
            open = new BusinessCalendar(
                    LocalTime.MIN,
                    LocalTime.MAX,
                    EnumSet.allOf(DayOfWeek.class),
                    calendar.zone(),
                    rules.blackoutDates());
        }
        boolean holdForQuiet = quiet != null && !(interrupt && quiet.ceoInterruptsOverride());
        Instant t = now;
        // Moving out of quiet hours may land outside business hours and back: a few rounds settle it.
        for (int round = 0; round < 8; round++) {
            Instant before = t;
            if (holdForBusiness) {
                t = open.nextOpen(t);
            }
            if (holdForQuiet
                    && quiet != null) { // holdForQuiet implies quiet != null; the check says so to the compiler
                t = quiet.nextAllowed(t);
            }
            if (t.equals(before)) {
                return t;
            }
        }
        return t;
    }
}

package com.bigbox.autonomic.notifications;

import com.bigbox.autonomic.events.EventTypes;
import java.util.Arrays;
import java.util.Optional;

/** The changes of an approval that tell people about it, by the event that records each. */
public enum Trigger {
    REQUESTED(EventTypes.HUMAN_APPROVAL_REQUESTED, "needs your decision"),
    CEO_INTERRUPT(EventTypes.CEO_INTERRUPT_REQUIRED, "needs the CEO's decision"),
    REASSIGNED(EventTypes.HUMAN_APPROVAL_ASSIGNED, "was assigned to you"),
    REMINDER(EventTypes.HUMAN_APPROVAL_REMINDER_SENT, "is still waiting (reminder)"),
    ESCALATED(EventTypes.HUMAN_APPROVAL_ESCALATED, "was escalated to you"),
    EXPIRED(EventTypes.HUMAN_APPROVAL_EXPIRED, "expired unanswered; the decision does not take effect");

    private final String eventType;
    private final String headline;

    Trigger(String eventType, String headline) {
        this.eventType = eventType;
        this.headline = headline;
    }

    public String eventType() {
        return eventType;
    }

    /** What the message's subject says happened. */
    public String headline() {
        return headline;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Trigger> of(String eventType) {
        return Arrays.stream(values())
                .filter(t -> t.eventType.equals(eventType))
                .findFirst();
    }

    public static Trigger parse(String wireName) {
        return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
    }
}

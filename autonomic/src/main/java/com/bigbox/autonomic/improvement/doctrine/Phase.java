package com.bigbox.autonomic.improvement.doctrine;

import java.util.Locale;

/** The doctrine's phases by week since go-live; each changes what a rule does when it is broken. */
public enum Phase {
    LEARNING,
    TRANSITION,
    OPERATIONAL,
    AUTONOMIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase parse(String text) {
        for (Phase p : values()) {
            if (p.wireName().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown doctrine phase '" + text + "' (learning, transition, operational, autonomic)");
    }
}

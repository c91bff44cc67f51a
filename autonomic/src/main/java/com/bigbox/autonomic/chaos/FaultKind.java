package com.bigbox.autonomic.chaos;

import java.util.Locale;

/** The original engine's experiment types, each a fault injected into event handling. */
public enum FaultKind {
    /** The handler runs late. */
    DELAY_EVENT,
    /** The handler never sees the event. */
    DROP_EVENT,
    /** What the handler emits is less confident than it decided. */
    LOWER_CONFIDENCE,
    /** The handler throws, as a broken agent would. */
    SIMULATE_AGENT_FAILURE,
    /** A role answers nothing: its approvals must be approved by silence or escalated. */
    SIMULATE_HUMAN_ABSENCE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FaultKind parse(String text) {
        for (FaultKind k : values()) {
            if (k.label().equals(text)) {
                return k;
            }
        }
        throw new InvalidExperimentException(
                "kind",
                "must be one of delay_event, drop_event, lower_confidence, "
                        + "simulate_agent_failure, simulate_human_absence; was '" + text + "'");
    }
}

package com.bigbox.autonomic.events;

/** The original engine's grouping of event types, plus the groups this engine adds. */
public enum EventCategory {
    ACQUISITION,
    INTELLIGENCE,
    EXECUTION,
    FINANCIAL,
    CONTROL,
    ECONOMIC,
    DRIFT,
    SOP,
    AGENT,
    CHAOS,
    CLIENT,
    SECURITY
}

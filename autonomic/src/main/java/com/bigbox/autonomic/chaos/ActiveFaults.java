package com.bigbox.autonomic.chaos;

import java.util.List;
import java.util.UUID;

/**
 * The faults in force across the cluster (port). The adapter reads them from the database, so a
 * fault declared once reaches every instance's handlers; it may cache them for a moment.
 */
public interface ActiveFaults {
    ActiveFaults NONE = new ActiveFaults() {
        @Override
        public List<Fault> current() {
            return List.of();
        }

        @Override
        public void hit(Fault fault, String subscription, UUID eventId, String effect) {}
    };

    List<Fault> current();

    /** Records that {@code fault} touched an event in a handler; idempotent per fault, handler and event. */
    void hit(Fault fault, String subscription, UUID eventId, String effect);
}

package com.bigbox.autonomic.chaos;

import java.time.Duration;

/** A step of an experiment: an action changes the system, a probe observes it. */
public sealed interface Activity permits Activity.Action, Activity.Probe {
    String name();

    Provider provider();

    Pauses pauses();

    /**
     * Changes the system.
     *
     * @param background runs alongside the following activities instead of before them
     */
    record Action(String name, Provider provider, Pauses pauses, boolean background) implements Activity {
        public Action {
            Experiment.require(name != null && !name.isBlank(), "action.name", "is required");
            Experiment.require(provider != null, "action " + name + ".provider", "is required");
            pauses = pauses == null ? Pauses.NONE : pauses;
        }
    }

    /** Observes the system; with a tolerance, it checks what it sees. */
    record Probe(String name, Provider provider, Tolerance tolerance, Pauses pauses) implements Activity {
        public Probe {
            Experiment.require(name != null && !name.isBlank(), "probe.name", "is required");
            Experiment.require(provider != null, "probe " + name + ".provider", "is required");
            pauses = pauses == null ? Pauses.NONE : pauses;
        }
    }

    /** Waits before and after an activity. */
    record Pauses(Duration before, Duration after) {
        public static final Pauses NONE = new Pauses(Duration.ZERO, Duration.ZERO);

        public Pauses {
            before = before == null ? Duration.ZERO : before;
            after = after == null ? Duration.ZERO : after;
            Experiment.require(!before.isNegative() && !after.isNegative(), "pauses", "must not be negative");
        }
    }
}

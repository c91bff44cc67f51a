package com.bigbox.autonomic.chaos;

import java.util.Locale;

/** When the rollbacks run (the Chaos Toolkit's strategies). */
public enum RollbackStrategy {
    /** Whatever happened, even when the method never ran. */
    ALWAYS,
    /** Never: the experiment leaves the system as the method left it. */
    NEVER,
    /** Only when the steady state deviated after the method, or the run was aborted. */
    DEVIATED;

    public boolean rollsBack(boolean deviated, boolean aborted) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case DEVIATED -> deviated || aborted;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RollbackStrategy parse(String text) {
        for (RollbackStrategy s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new InvalidExperimentException(
                "rollback-strategy", "must be always, never or deviated, was '" + text + "'");
    }
}

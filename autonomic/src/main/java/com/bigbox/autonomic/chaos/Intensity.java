package com.bigbox.autonomic.chaos;

import java.util.Locale;

/** How many eligible events a fault touches: the original engine's 5% / 20% / 50%. */
public enum Intensity {
    LOW(0.05),
    MEDIUM(0.20),
    HIGH(0.50);

    private final double fraction;

    Intensity(double fraction) {
        this.fraction = fraction;
    }

    public double fraction() {
        return fraction;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intensity parse(String text) {
        for (Intensity i : values()) {
            if (i.label().equals(text)) {
                return i;
            }
        }
        throw new InvalidExperimentException("intensity", "must be low, medium or high, was '" + text + "'");
    }
}

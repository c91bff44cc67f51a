package com.bigbox.core;

/**
 * How sure the emitter of an event was, between 0 and 1. Stored as {@code numeric(3,2)}, so the
 * value is rounded to two decimals here rather than silently by the database.
 */
public record Confidence(double value) implements Comparable<Confidence> {
    public Confidence {
        if (Double.isNaN(value) || value < 0.0 || value > 1.0) {
            throw new InvalidEventException("confidence", "must be between 0 and 1, was " + value);
        }
        value = Math.round(value * 100.0) / 100.0;
    }

    public static Confidence of(double value) {
        return new Confidence(value);
    }

    public boolean isBelow(Confidence threshold) {
        return value < threshold.value;
    }

    @Override
    public int compareTo(Confidence other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}

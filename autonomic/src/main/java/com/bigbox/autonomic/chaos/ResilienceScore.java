package com.bigbox.autonomic.chaos;

/** 1 − degradation; below {@link #ALERT_BELOW} the run raises an alert. */
public record ResilienceScore(double value) {
    public static final double ALERT_BELOW = 0.7;

    public ResilienceScore {
        if (Double.isNaN(value) || value < 0 || value > 1) {
            throw new IllegalArgumentException("a resilience score is between 0 and 1, was " + value);
        }
        value = Math.round(value * 100) / 100.0;
    }

    public static ResilienceScore of(Degradation degradation) {
        return new ResilienceScore(1 - degradation.rounded());
    }

    public boolean alert() {
        return value < ALERT_BELOW;
    }
}

package com.bigbox.autonomic.chaos;

import java.util.List;

/**
 * The last five resilience scores, oldest first, and where they head: the slope of a least-squares
 * line through them (per experiment), read as improving or declining beyond ±0.02.
 */
public record ResilienceTrend(List<Double> scores, double mean, double slope, Direction direction) {
    public static final int WINDOW = 5;
    private static final double FLAT = 0.02;

    public enum Direction {
        IMPROVING,
        STABLE,
        DECLINING,
        UNKNOWN
    }

    public ResilienceTrend {
        scores = List.copyOf(scores);
    }

    /** @param scores most recent last; only the last {@link #WINDOW} count */
    public static ResilienceTrend of(List<Double> scores) {
        List<Double> window = scores.subList(Math.max(0, scores.size() - WINDOW), scores.size());
        if (window.isEmpty()) {
            return new ResilienceTrend(window, Double.NaN, 0, Direction.UNKNOWN);
        }
        int n = window.size();
        double mean = window.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n < 2) {
            return new ResilienceTrend(window, round(mean), 0, Direction.UNKNOWN);
        }
        double xMean = (n - 1) / 2.0;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - xMean) * (window.get(i) - mean);
            den += (i - xMean) * (i - xMean);
        }
        double slope = num / den;
        Direction direction =
                slope > FLAT ? Direction.IMPROVING : slope < -FLAT ? Direction.DECLINING : Direction.STABLE;
        return new ResilienceTrend(window, round(mean), Math.round(slope * 1000) / 1000.0, direction);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

package com.bigbox.autonomic.improvement.loops;

/**
 * The Wilson score interval of a proportion: how sure {@code k} events in {@code n} trials make us of the rate. Unlike
 * a ratio over a fixed minimum of samples, it lets strong evidence act early and weak evidence wait.
 */
final class Wilson {
    private Wilson() {}

    /** The lower bound of the rate {@code k / n} at {@code z} standard errors (0 when there are no trials). */
    static double lower(long k, long n, double z) {
        if (n <= 0) {
            return 0;
        }
        double p = (double) k / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double margin = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - margin) / (1 + z2 / n));
    }
}

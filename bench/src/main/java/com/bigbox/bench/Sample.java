package com.bigbox.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One contender's rates over the rounds of a run: the median is what is compared, the spread is shown. */
record Sample(String name, double[] rates) {
    double median() {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(rates).min().orElse(0);
    }

    double max() {
        return Arrays.stream(rates).max().orElse(0);
    }

    /** "1,234 events/s (1,100–1,300, 3 rounds)". */
    String describe(String unit) {
        return String.format(
                Locale.ROOT, "%,.0f %s (%,.0f–%,.0f, %d rounds)", median(), unit, min(), max(), rates.length);
    }

    List<Double> rateList() {
        return Arrays.stream(rates).boxed().toList();
    }
}

package com.bigbox.autonomic.meetings.extraction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Micro precision, recall and F1 of action items (per dialogue act) and entities (per meeting, as multisets of
 * type and normalised text), each with a 95% percentile bootstrap interval over meetings.
 */
public final class MeetingEvaluation {
    public static final List<String> ENTITY_TYPES = List.of("DATE", "TIME", "DURATION", "MONEY", "MEASURE", "PERCENT");
    static final int BOOTSTRAP_SAMPLES = 1000;
    static final long BOOTSTRAP_SEED = 20260101L;

    /** True positives, false positives and false negatives of one meeting. */
    public record Counts(int tp, int fp, int fn) {
        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
    }

    /** A figure with its interval. */
    public record Interval(double value, double low, double high) {}

    /** Micro figures over all meetings, with intervals. */
    public record Figures(Counts counts, Interval precision, Interval recall, Interval f1) {}

    /** One meeting's gold and predicted labels. */
    public record Scored(
            String meeting,
            Collection<String> goldActs,
            Collection<String> predictedActs,
            List<AmiMeeting.Entity> goldEntities,
            List<AmiMeeting.Entity> predictedEntities) {
        Counts actions() {
            int tp = (int) predictedActs.stream().filter(goldActs::contains).count();
            return new Counts(tp, predictedActs.size() - tp, goldActs.size() - tp);
        }

        Counts entities() {
            Map<String, Integer> gold = multiset(goldEntities);
            Map<String, Integer> predicted = multiset(predictedEntities);
            int tp = 0;
            for (var e : predicted.entrySet()) {
                tp += Math.min(e.getValue(), gold.getOrDefault(e.getKey(), 0));
            }
            int p = predicted.values().stream().mapToInt(Integer::intValue).sum();
            int g = gold.values().stream().mapToInt(Integer::intValue).sum();
            return new Counts(tp, p - tp, g - tp);
        }
    }

    private MeetingEvaluation() {}

    public static Figures actionItems(List<Scored> meetings) {
        return figures(meetings, Scored::actions);
    }

    public static Figures entities(List<Scored> meetings) {
        return figures(meetings, Scored::entities);
    }

    /** Lower-cased, punctuation removed, spaces collapsed: the form entities are compared in. */
    public static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Punct}’‘“”]", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static Map<String, Integer> multiset(List<AmiMeeting.Entity> entities) {
        var m = new HashMap<String, Integer>();
        for (AmiMeeting.Entity e : entities) {
            if (ENTITY_TYPES.contains(e.type())) {
                m.merge(e.type() + "\t" + normalise(e.text()), 1, Integer::sum);
            }
        }
        return m;
    }

    private static Figures figures(List<Scored> meetings, Function<Scored, Counts> count) {
        List<Counts> per = meetings.stream().map(count).toList();
        Counts total = sum(per);
        var random = new SplittableRandom(BOOTSTRAP_SEED);
        double[] p = new double[BOOTSTRAP_SAMPLES];
        double[] r = new double[BOOTSTRAP_SAMPLES];
        double[] f = new double[BOOTSTRAP_SAMPLES];
        for (int b = 0; b < BOOTSTRAP_SAMPLES; b++) {
            var sample = new ArrayList<Counts>(per.size());
            for (int k = 0; k < per.size(); k++) {
                sample.add(per.get(random.nextInt(per.size())));
            }
            Counts c = sum(sample);
            p[b] = c.precision();
            r[b] = c.recall();
            f[b] = c.f1();
        }
        return new Figures(total, interval(total.precision(), p), interval(total.recall(), r), interval(total.f1(), f));
    }

    private static Counts sum(List<Counts> counts) {
        Counts c = new Counts(0, 0, 0);
        for (Counts x : counts) {
            c = c.plus(x);
        }
        return c;
    }

    private static Interval interval(double value, double[] samples) {
        if (samples.length == 0 || samples.length == 1) {
            return new Interval(value, value, value);
        }
        double[] s = samples.clone();
        java.util.Arrays.sort(s);
        return new Interval(
                value, s[(int) Math.floor(0.025 * (s.length - 1))], s[(int) Math.ceil(0.975 * (s.length - 1))]);
    }
}

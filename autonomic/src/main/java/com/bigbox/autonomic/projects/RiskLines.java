package com.bigbox.autonomic.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The original engine's risk lines — a timeline under 4 weeks, a team under 2, no budget or under 1500 a week, no
 * accepted quote — with a confidence from how far the plan is past them: a plan just under a line is a coin toss
 * that a person should look at, one far under it (two weeks, or half the weekly budget) is a clear risk, and
 * independent factors add up (the chance that none of them is real shrinks with each).
 */
final class RiskLines {
    static final int MIN_WEEKS = 4;
    static final int MIN_TEAM = 2;
    static final BigDecimal MIN_WEEKLY = new BigDecimal("1500");
    /** How sure a factor is: even at the line, rising with the distance past it. */
    static final double AT_LINE = 0.50;

    static final double PER_DISTANCE = 0.60;
    static final double FACTOR_CAP = 0.90;

    private RiskLines() {}

    static ProjectAssessment assess(ProjectEvent.Started project) {
        var factors = new ArrayList<String>();
        var reasons = new ArrayList<String>();
        double none = 1;
        Integer weeks = project.timelineWeeks();
        if (weeks != null && weeks < MIN_WEEKS) {
            factors.add("timeline of " + weeks + " weeks is under " + MIN_WEEKS);
            none *= 1 - factor(factors, reasons, (MIN_WEEKS - weeks) / (double) MIN_WEEKS);
        }
        Integer team = project.teamSize();
        if (team != null && team < MIN_TEAM) {
            factors.add("team of " + team + " is under " + MIN_TEAM);
            none *= 1 - factor(factors, reasons, (MIN_TEAM - team) / (double) MIN_TEAM);
        }
        if (project.budget() == null) {
            factors.add("no budget agreed");
            none *= 1 - factor(factors, reasons, 1);
        } else if (weeks != null && weeks > 0) {
            BigDecimal weekly = project.budget().divide(BigDecimal.valueOf(weeks), 2, RoundingMode.HALF_UP);
            if (weekly.compareTo(MIN_WEEKLY) < 0) {
                factors.add(
                        "budget under " + MIN_WEEKLY.toPlainString() + " per week (" + weekly.toPlainString() + ")");
                double short_ = MIN_WEEKLY.subtract(weekly).doubleValue() / MIN_WEEKLY.doubleValue();
                none *= 1 - factor(factors, reasons, short_);
            }
        }
        if (project.quoteId() == null) {
            factors.add("no accepted quote");
            none *= 1 - factor(factors, reasons, 1);
        }
        if (factors.isEmpty()) {
            return new ProjectAssessment(factors, 0.85, List.of("timeline, team and budget are within bounds"));
        }
        double confidence = Math.min(0.95, 1 - none);
        reasons.add(String.format(
                Locale.ROOT, "confidence 1 - product of (1 - each factor's) = %.2f (at most 0.95)", confidence));
        return new ProjectAssessment(factors, confidence, reasons);
    }

    // The factor just added, how far past its line, and how sure that makes it.
    private static double factor(List<String> factors, List<String> reasons, double distance) {
        double p = Math.min(FACTOR_CAP, AT_LINE + PER_DISTANCE * distance);
        reasons.add(String.format(
                Locale.ROOT, "%s: %.0f%% past the line, %.2f sure", factors.getLast(), 100 * distance, p));
        return p;
    }
}

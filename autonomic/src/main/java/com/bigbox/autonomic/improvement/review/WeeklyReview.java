package com.bigbox.autonomic.improvement.review;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.review.WeeklyReviewReads.SignalRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The weekly automation review: the week's top automation gaps, margin leaks and drift signals with their
 * figures, the doctrine violations of the week, and the quarterly "30% question" (over the 13 weeks up to
 * the week's end) with pass or fail against the doctrine's targets.
 */
public record WeeklyReview(
        String week,
        Instant from,
        Instant to,
        String doctrineVersion,
        String phase,
        int weekSinceGoLive,
        List<Item> automationGaps,
        List<Item> marginLeaks,
        List<Item> driftSignals,
        List<Item> doctrineViolations,
        ThirtyPercentQuestion thirtyPercentQuestion) {
    public static final int TOP = 5;

    /** One signal with its figures; {@code overdue} for a gap whose SOP review is past due and unacknowledged. */
    public record Item(
            UUID signalId,
            String type,
            String subject,
            BigDecimal monthlyImpact,
            JsonNode figures,
            Instant raisedAt,
            Instant dueAt,
            boolean acknowledged,
            boolean overdue) {}

    /** A figure against its target: {@code comparator} is ">=" or "<". */
    public record Figure(String name, double value, String comparator, double target, boolean pass) {
        static Figure atLeast(String name, double value, double target) {
            return new Figure(name, round(value), ">=", target, value >= target);
        }

        static Figure below(String name, double value, double target) {
            return new Figure(name, round(value), "<", target, value < target);
        }
    }

    public record SopFigure(String sopId, int executions, double automationRate, boolean pass) {}

    /**
     * @param roi the latest month's automation return on investment against the original's 200%, or null before the first
     *     month is over
     */
    public record ThirtyPercentQuestion(
            Instant quarterFrom,
            List<SopFigure> automationRateBySop,
            Figure manualWorkShare,
            Figure overrideRate,
            Figure ceoInterruptsPerWeek,
            @Nullable RoiFigure roi,
            boolean allPass) {}

    /** @param value null when the month cost nothing (no ROI to speak of: it does not pass) */
    public record RoiFigure(String month, Double value, double target, boolean pass) {}

    /** Composes the review from its reads. */
    public static WeeklyReview compose(
            ReviewWeek week,
            Doctrine doctrine,
            String phase,
            int weekSinceGoLive,
            List<String> agents,
            WeeklyReviewReads reads,
            com.bigbox.core.UnitOfWork work,
            Instant now) {
        Instant from = week.start();
        Instant to = week.end();
        List<SignalRow> signals = reads.signals(work, from, to);
        Instant quarterFrom = to.minus(Duration.ofDays(7 * 13));
        Doctrine.ReviewTargets t = doctrine.reviewTargets();
        List<SopFigure> bySop = reads.automationBySop(work, quarterFrom, to).stream()
                .map(s -> new SopFigure(
                        s.sopId(),
                        s.executions(),
                        round(s.automationRate()),
                        s.automationRate() >= t.automationRateMin()))
                .toList();
        WeeklyReviewReads.WorkShare share = reads.manualWork(work, agents, quarterFrom, to);
        WeeklyReviewReads.Overrides overrides = reads.overrides(work, agents, quarterFrom, to);
        long interrupts = reads.ceoInterrupts(work, from, to);
        Figure manual = Figure.below("manual_work_share", ratio(share.manual(), share.total()), t.manualWorkShareMax());
        Figure override = Figure.below(
                "override_rate", ratio(overrides.overridden(), overrides.decisions()), t.overrideRateMax());
        Figure ceo = Figure.below("ceo_interrupts_per_week", interrupts, t.ceoInterruptsPerWeekMax());
        RoiFigure roi = reads.latestRoi(work, to)
                .map(r -> new RoiFigure(
                        r.month(),
                        r.roi(),
                        doctrine.loops().economic().roiTarget(),
                        r.roi() != null && r.roi() > doctrine.loops().economic().roiTarget()))
                .orElse(null);
        boolean all = bySop.stream().allMatch(SopFigure::pass)
                && manual.pass()
                && override.pass()
                && ceo.pass()
                && (roi == null || roi.pass());
        return new WeeklyReview(
                week.toString(),
                from,
                to,
                doctrine.version(),
                phase,
                weekSinceGoLive,
                top(signals, "gap", now),
                top(signals, "margin", now),
                top(signals, "drift", now),
                signals.stream()
                        .filter(s ->
                                s.kind().equals("violation") && !s.raisedAt().isBefore(from))
                        .sorted(Comparator.comparing(SignalRow::raisedAt))
                        .map(s -> item(s, now))
                        .toList(),
                new ThirtyPercentQuestion(quarterFrom, bySop, manual, override, ceo, roi, all));
    }

    private static List<Item> top(List<SignalRow> signals, String kind, Instant now) {
        return signals.stream()
                .filter(s -> s.kind().equals(kind)
                        || kind.equals("margin") && s.kind().equals("optimization"))
                .sorted(Comparator.comparing(
                                (SignalRow s) -> s.monthlyImpact() == null ? BigDecimal.ZERO : s.monthlyImpact())
                        .reversed()
                        .thenComparing(SignalRow::raisedAt))
                .limit(TOP)
                .map(s -> item(s, now))
                .toList();
    }

    private static Item item(SignalRow s, Instant now) {
        boolean acknowledged = s.acknowledgedAt() != null;
        return new Item(
                s.signalId(),
                s.eventType(),
                s.subject(),
                s.monthlyImpact(),
                EventCodec.tree(s.figures()),
                s.raisedAt(),
                s.dueAt(),
                acknowledged,
                !acknowledged && s.dueAt() != null && s.dueAt().isBefore(now));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The review as text, for the CLI. */
    public String text() {
        return WeeklyReviewText.of(this);
    }
}

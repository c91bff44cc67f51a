package com.bigbox.autonomic.improvement.review;

import com.bigbox.autonomic.improvement.review.WeeklyReview.Figure;
import com.bigbox.autonomic.improvement.review.WeeklyReview.Item;
import com.bigbox.autonomic.improvement.review.WeeklyReview.RoiFigure;
import com.bigbox.autonomic.improvement.review.WeeklyReview.SopFigure;
import com.bigbox.autonomic.improvement.review.WeeklyReview.ThirtyPercentQuestion;
import java.util.List;
import java.util.Locale;

/** {@link WeeklyReview#text()}: the review laid out for the CLI, apart from how its figures are composed. */
final class WeeklyReviewText {
    private WeeklyReviewText() {}

    static String of(WeeklyReview r) {
        var out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Weekly automation review %s (%s to %s) — doctrine %s, week %d since go-live, %s phase%n",
                r.week(),
                r.from(),
                r.to(),
                r.doctrineVersion(),
                r.weekSinceGoLive(),
                r.phase()));
        section(out, "Top automation gaps", r.automationGaps());
        section(out, "Top margin leaks", r.marginLeaks());
        section(out, "Top drift signals", r.driftSignals());
        section(out, "Doctrine violations", r.doctrineViolations());
        thirtyPercentQuestion(out, r.thirtyPercentQuestion());
        return out.toString();
    }

    // The quarter's figures against the doctrine's targets, one line each, and whether all pass.
    private static void thirtyPercentQuestion(StringBuilder out, ThirtyPercentQuestion q) {
        out.append(String.format(
                Locale.ROOT,
                "%nThe 30%% question (quarter from %s): %s%n",
                q.quarterFrom(),
                q.allPass() ? "PASS" : "FAIL"));
        if (q.automationRateBySop().isEmpty()) {
            out.append("  automation rate by SOP: no completed executions\n");
        }
        for (SopFigure s : q.automationRateBySop()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  automation rate %-38s %5.1f%% (>= 70%%, %d runs)  %s%n",
                    s.sopId(),
                    100 * s.automationRate(),
                    s.executions(),
                    s.pass() ? "pass" : "FAIL"));
        }
        for (Figure f : List.of(q.manualWorkShare(), q.overrideRate())) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-54s %5.1f%% (%s %.0f%%)  %s%n",
                    f.name(),
                    100 * f.value(),
                    f.comparator(),
                    100 * f.target(),
                    f.pass() ? "pass" : "FAIL"));
        }
        Figure c = q.ceoInterruptsPerWeek();
        out.append(String.format(
                Locale.ROOT,
                "  %-54s %5.0f  (%s %.0f)  %s%n",
                c.name(),
                c.value(),
                c.comparator(),
                c.target(),
                c.pass() ? "pass" : "FAIL"));
        RoiFigure r = q.roi();
        out.append(
                r == null
                        ? "  automation ROI: no month calculated yet\n"
                        : String.format(
                                Locale.ROOT,
                                "  %-54s %5s  (> %.0f%%)  %s%n",
                                "automation ROI " + r.month(),
                                r.value() == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * r.value()),
                                100 * r.target(),
                                r.pass() ? "pass" : "FAIL"));
    }

    private static void section(StringBuilder out, String title, List<Item> items) {
        out.append(String.format(Locale.ROOT, "%n%s (%d)%n", title, items.size()));
        if (items.isEmpty()) {
            out.append("  none\n");
        }
        for (Item i : items) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-30s %-36s %s%s%s%n",
                    i.type(),
                    i.subject(),
                    i.monthlyImpact() == null ? "" : i.monthlyImpact().toPlainString() + "/month ",
                    i.overdue() ? "OVERDUE " : "",
                    i.figures()));
        }
    }
}

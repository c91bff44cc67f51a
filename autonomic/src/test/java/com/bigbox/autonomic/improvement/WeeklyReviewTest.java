package com.bigbox.autonomic.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.review.ReviewWeek;
import com.bigbox.autonomic.improvement.review.WeeklyReview;
import com.bigbox.autonomic.improvement.review.WeeklyReviewReads;
import com.bigbox.core.UnitOfWork;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WeeklyReviewTest {
    static final Doctrine DOCTRINE = Doctrine.shipped();

    record Reads(
            List<SignalRow> signals,
            List<SopAutomation> bySop,
            WorkShare share,
            Overrides overrides,
            long interrupts,
            java.util.Optional<WeeklyReviewReads.Roi> roi)
            implements WeeklyReviewReads {
        Reads(
                List<SignalRow> signals,
                List<SopAutomation> bySop,
                WorkShare share,
                Overrides overrides,
                long interrupts) {
            this(signals, bySop, share, overrides, interrupts, java.util.Optional.empty());
        }

        public java.util.Optional<WeeklyReviewReads.Roi> latestRoi(UnitOfWork w, Instant to) {
            return roi;
        }

        public List<SignalRow> signals(UnitOfWork w, Instant from, Instant to) {
            return signals;
        }

        public List<SopAutomation> automationBySop(UnitOfWork w, Instant from, Instant to) {
            return bySop;
        }

        public WorkShare manualWork(UnitOfWork w, List<String> agents, Instant from, Instant to) {
            return share;
        }

        public Overrides overrides(UnitOfWork w, List<String> agents, Instant from, Instant to) {
            return overrides;
        }

        public long ceoInterrupts(UnitOfWork w, Instant from, Instant to) {
            return interrupts;
        }
    }

    static WeeklyReviewReads.SignalRow signal(String kind, String subject, String impact, String raised, String due) {
        return new WeeklyReviewReads.SignalRow(
                UUID.randomUUID(),
                "X",
                kind,
                subject,
                impact == null ? null : new BigDecimal(impact),
                "{}",
                Instant.parse(raised),
                due == null ? null : Instant.parse(due),
                null);
    }

    @Test
    void weeksAreIsoWeeksAndABadOneIsRefusedNamingTheField() {
        ReviewWeek w = ReviewWeek.parse("2026-W10");
        assertThat(w.start()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
        assertThat(ReviewWeek.of(Instant.parse("2026-03-08T23:59:59Z"))).isEqualTo(w);
        assertThat(w.previous().toString()).isEqualTo("2026-W09");
        assertThat(ReviewWeek.parse("2027-W01").start()).isEqualTo(Instant.parse("2027-01-04T00:00:00Z"));
        assertThatThrownBy(() -> ReviewWeek.parse("2026-10"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("2026-W48"));
        assertThat(ReviewWeek.parse("2026-W53").end())
                .as("2026 has 53 ISO weeks")
                .isEqualTo(Instant.parse("2027-01-04T00:00:00Z"));
        assertThatThrownBy(() -> ReviewWeek.parse("2027-W53")).hasMessageContaining("does not exist in 2027");
    }

    @Test
    void theReviewRanksSignalsByImpactAndJudgesTheThirtyPercentQuestion() {
        var signals = List.of(
                signal("gap", "crm_update", "600", "2026-03-03T10:00:00Z", "2026-03-10T10:00:00Z"),
                signal("gap", "status_report", "1200", "2026-02-20T10:00:00Z", "2026-02-27T10:00:00Z"),
                signal("optimization", "proposal-and-quote", "90", "2026-03-04T10:00:00Z", null),
                signal("margin", "event-activation", "400", "2026-03-04T11:00:00Z", null),
                signal("drift", "c-17", null, "2026-03-05T10:00:00Z", null),
                signal("violation", "manual_task_creation kind:crm_update", null, "2026-03-05T12:00:00Z", null));
        var reads = new Reads(
                signals,
                List.of(
                        new WeeklyReviewReads.SopAutomation("lead-intake-qualification", 40, 0.82),
                        new WeeklyReviewReads.SopAutomation("proposal-and-quote", 12, 0.55)),
                new WeeklyReviewReads.WorkShare(15, 100),
                new WeeklyReviewReads.Overrides(9, 50),
                7);
        WeeklyReview review = WeeklyReview.compose(
                ReviewWeek.parse("2026-W10"),
                DOCTRINE,
                "learning",
                2,
                List.of(),
                reads,
                null,
                Instant.parse("2026-03-08T00:00:00Z"));
        assertThat(review.automationGaps())
                .extracting(WeeklyReview.Item::subject)
                .containsExactly("status_report", "crm_update");
        assertThat(review.automationGaps().get(0).overdue())
                .as("past due, unacknowledged")
                .isTrue();
        assertThat(review.automationGaps().get(1).overdue()).isFalse();
        assertThat(review.marginLeaks())
                .extracting(WeeklyReview.Item::subject)
                .containsExactly("event-activation", "proposal-and-quote");
        assertThat(review.driftSignals()).hasSize(1);
        assertThat(review.doctrineViolations()).hasSize(1);
        WeeklyReview.ThirtyPercentQuestion q = review.thirtyPercentQuestion();
        assertThat(q.automationRateBySop())
                .extracting(WeeklyReview.SopFigure::pass)
                .containsExactly(true, false);
        assertThat(q.manualWorkShare().value()).isEqualTo(0.15);
        assertThat(q.manualWorkShare().pass()).isTrue();
        assertThat(q.overrideRate().value()).isEqualTo(0.18);
        assertThat(q.overrideRate().pass()).isFalse();
        assertThat(q.ceoInterruptsPerWeek().pass()).as("7 is not fewer than 7").isFalse();
        assertThat(q.allPass()).isFalse();
        assertThat(review.text()).contains("OVERDUE").contains("FAIL").contains("status_report");
    }

    @Test
    void theLatestMonthsRoiIsCheckedAgainstTheOriginals200Percent() {
        var good = new Reads(
                List.of(),
                List.of(),
                new WeeklyReviewReads.WorkShare(0, 10),
                new WeeklyReviewReads.Overrides(0, 10),
                0,
                java.util.Optional.of(new WeeklyReviewReads.Roi("2026-02", 2.4)));
        var poor = new Reads(
                List.of(),
                List.of(),
                new WeeklyReviewReads.WorkShare(0, 10),
                new WeeklyReviewReads.Overrides(0, 10),
                0,
                java.util.Optional.of(new WeeklyReviewReads.Roi("2026-02", 1.5)));
        Instant now = Instant.parse("2026-03-08T00:00:00Z");
        WeeklyReview passing = WeeklyReview.compose(
                ReviewWeek.parse("2026-W10"), DOCTRINE, "operational", 9, List.of(), good, null, now);
        WeeklyReview failing = WeeklyReview.compose(
                ReviewWeek.parse("2026-W10"), DOCTRINE, "operational", 9, List.of(), poor, null, now);
        assertThat(passing.thirtyPercentQuestion().roi())
                .isEqualTo(new WeeklyReview.RoiFigure("2026-02", 2.4, 2.0, true));
        assertThat(passing.thirtyPercentQuestion().allPass()).isTrue();
        assertThat(failing.thirtyPercentQuestion().roi().pass()).isFalse();
        assertThat(failing.thirtyPercentQuestion().allPass())
                .as("ROI at 150% fails the 200% check")
                .isFalse();
        assertThat(failing.text()).contains("automation ROI 2026-02", "150%", "FAIL");
    }
}

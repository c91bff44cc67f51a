package com.bigbox.postgres.improvement;

import com.bigbox.autonomic.improvement.review.WeeklyReviewReads;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The weekly review's figures, by the {@code review_*.sql} queries. */
public final class PgWeeklyReviewReads implements WeeklyReviewReads {
    private static final String SIGNALS = SqlResource.load(PgWeeklyReviewReads.class, "review_signals");
    private static final String AUTOMATION_BY_SOP =
            SqlResource.load(PgWeeklyReviewReads.class, "review_automation_by_sop");
    private static final String MANUAL_WORK = SqlResource.load(PgWeeklyReviewReads.class, "review_manual_work");
    private static final String OVERRIDES = SqlResource.load(PgWeeklyReviewReads.class, "review_overrides");
    private static final String CEO_INTERRUPTS = SqlResource.load(PgWeeklyReviewReads.class, "review_ceo_interrupts");
    private static final String LATEST_ROI = SqlResource.load(PgWeeklyReviewReads.class, "review_latest_roi");

    @Override
    public List<SignalRow> signals(UnitOfWork work, Instant from, Instant to) {
        return Jdbc.list(
                work,
                SIGNALS,
                s -> {
                    s.setTimestamp(1, Jdbc.timestamp(from));
                    s.setTimestamp(2, Jdbc.timestamp(to));
                    s.setTimestamp(3, Jdbc.timestamp(to));
                },
                rs -> new SignalRow(
                        rs.getObject("signal_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("kind"),
                        rs.getString("subject"),
                        rs.getBigDecimal("monthly_impact"),
                        rs.getString("figures"),
                        Jdbc.instant(rs, "raised_at"),
                        Jdbc.instant(rs, "due_at"),
                        Jdbc.instant(rs, "acknowledged_at")));
    }

    @Override
    public List<SopAutomation> automationBySop(UnitOfWork work, Instant from, Instant to) {
        return Jdbc.list(
                work,
                AUTOMATION_BY_SOP,
                s -> {
                    s.setTimestamp(1, Jdbc.timestamp(from));
                    s.setTimestamp(2, Jdbc.timestamp(to));
                },
                rs -> new SopAutomation(
                        rs.getString("sop_id"), rs.getInt("executions"), rs.getDouble("automation_rate")));
    }

    @Override
    public WorkShare manualWork(UnitOfWork work, List<String> agents, Instant from, Instant to) {
        return Jdbc.one(
                        work,
                        MANUAL_WORK,
                        s -> {
                            s.setTimestamp(1, Jdbc.timestamp(from));
                            s.setTimestamp(2, Jdbc.timestamp(to));
                            s.setObject(3, day(from));
                            s.setObject(4, day(to));
                            s.setArray(5, PgImprovementFacts.texts(work, agents));
                        },
                        rs -> new WorkShare(rs.getLong(1), rs.getLong(2)))
                .orElse(new WorkShare(0, 0));
    }

    @Override
    public Overrides overrides(UnitOfWork work, List<String> agents, Instant from, Instant to) {
        return Jdbc.one(
                        work,
                        OVERRIDES,
                        s -> {
                            s.setObject(1, day(from));
                            s.setObject(2, day(to));
                            s.setArray(3, PgImprovementFacts.texts(work, agents));
                            s.setTimestamp(4, Jdbc.timestamp(from));
                            s.setTimestamp(5, Jdbc.timestamp(to));
                        },
                        rs -> new Overrides(rs.getLong(1), rs.getLong(2)))
                .orElse(new Overrides(0, 0));
    }

    @Override
    public long ceoInterrupts(UnitOfWork work, Instant from, Instant to) {
        return Jdbc.one(
                        work,
                        CEO_INTERRUPTS,
                        s -> {
                            s.setObject(1, day(from));
                            s.setObject(2, day(to));
                        },
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public java.util.Optional<Roi> latestRoi(UnitOfWork work, Instant to) {
        return Jdbc.one(
                work,
                LATEST_ROI,
                s -> s.setTimestamp(1, Jdbc.timestamp(to)),
                rs -> new Roi(rs.getString("month"), rs.getObject("roi") == null ? null : rs.getDouble("roi")));
    }

    // The event counts come from a projection per UTC day (event_counts_between): the review's weeks and quarters
    // are whole days, and a bound inside a day would be answered for the whole day.
    private static LocalDate day(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (!day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(at)) {
            throw new IllegalArgumentException(
                    "the weekly review counts whole UTC days; " + at + " is not midnight UTC");
        }
        return day;
    }
}

package com.bigbox.autonomic.improvement.review;

import com.bigbox.core.UnitOfWork;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The figures of the weekly automation review, computed in SQL from the log and the projections (port). */
public interface WeeklyReviewReads {
    /**
     * A signal of {@code improvement_signals}.
     *
     * @param kind gap, margin, optimization, drift, violation
     * @param figures its payload (JSON)
     */
    record SignalRow(
            UUID signalId,
            String eventType,
            String kind,
            String subject,
            BigDecimal monthlyImpact,
            String figures,
            Instant raisedAt,
            Instant dueAt,
            Instant acknowledgedAt) {}

    /** @param automationRate mean automation rate of its completed executions */
    record SopAutomation(String sopId, int executions, double automationRate) {}

    /** Work in a period: steps and tasks people did, against all work done. */
    record WorkShare(long manual, long total) {}

    /** Agents' decisions in a period and how many of them people changed or rejected. */
    record Overrides(long overridden, long decisions) {}

    /** Signals raised in [from, to), and gaps still unacknowledged whatever their age. */
    List<SignalRow> signals(UnitOfWork work, Instant from, Instant to);

    List<SopAutomation> automationBySop(UnitOfWork work, Instant from, Instant to);

    WorkShare manualWork(UnitOfWork work, List<String> agents, Instant from, Instant to);

    Overrides overrides(UnitOfWork work, List<String> agents, Instant from, Instant to);

    long ceoInterrupts(UnitOfWork work, Instant from, Instant to);

    /** The latest month's automation return on investment calculated before {@code to} ({@code AUTOMATION_ROI_CALCULATED}). */
    java.util.Optional<Roi> latestRoi(UnitOfWork work, Instant to);

    /** @param roi (value − cost) ÷ cost, null when nothing cost anything */
    record Roi(String month, Double roi) {}
}

package com.bigbox.autonomic.improvement.doctrine;

import com.bigbox.autonomic.events.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The 90-day doctrine as versioned data ({@code doctrine/doctrine-v1.json}): its phases, its rules with
 * what each does per phase, the bounds and steps of the control loops, their schedules and the review's
 * targets. Code reads the numbers from here, so changing the doctrine is changing one file.
 */
public record Doctrine(
        String version,
        String description,
        List<PhaseSpan> phases,
        List<Rule> rules,
        Loops loops,
        Map<String, Duration> schedules,
        ReviewTargets reviewTargets,
        Map<String, Provenance> provenance) {
    public static final String RESOURCE = "/doctrine/doctrine-v1.json";

    public Doctrine {
        phases = List.copyOf(phases);
        rules = List.copyOf(rules);
        schedules = Map.copyOf(schedules);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
        for (Rule rule : rules) {
            for (Phase phase : Phase.values()) {
                if (!rule.actions().containsKey(phase.wireName())) {
                    throw new IllegalArgumentException("doctrine " + version + ": rule " + rule.id()
                            + " says nothing for phase " + phase.wireName());
                }
                RuleAction.parse(rule.actions().get(phase.wireName()));
            }
        }
    }

    /** The shipped doctrine. */
    public static Doctrine shipped() {
        try (InputStream in = Doctrine.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the doctrine " + RESOURCE + " is missing from the classpath");
            }
            return EventCodec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Doctrine.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A doctrine from a file (another version, or an experiment); the shipped one is the default. */
    public static Doctrine read(java.nio.file.Path file) {
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the doctrine " + file + ": " + e.getMessage(), e);
        }
        try {
            return EventCodec.read(text, Doctrine.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "the doctrine " + file + " is not a valid doctrine: " + e.getMessage(), e);
        }
    }

    /**
     * Where a number of the doctrine comes from.
     *
     * @param source {@code original} (the original engine's), {@code engine} (this engine's, where the original has
     *     none) or {@code changed} (changed by measurement)
     * @param why what it means, and for a changed number what it was and what measurement changed it
     */
    public record Provenance(String source, String why) {}

    /** @param toWeek null for the last, open-ended phase */
    public record PhaseSpan(String name, int fromWeek, Integer toWeek, String meaning) {}

    /**
     * @param actions phase name to action name
     * @param repeatThreshold manual_task_creation: how many of one kind make a repetition
     * @param maxPerWeek ceo_interrupts: the weekly ceiling (exclusive: fewer than this)
     * @param allowedReasons ceo_interrupts: allowed reason to the text Oversight's reason contains
     */
    public record Rule(
            String id,
            String description,
            Map<String, String> actions,
            Integer repeatThreshold,
            Integer maxPerWeek,
            Map<String, String> allowedReasons) {
        public RuleAction actionIn(Phase phase) {
            return RuleAction.parse(actions.get(phase.wireName()));
        }
    }

    public record Loops(
            ThresholdBounds threshold,
            AutonomyCriteria autonomy,
            CoverageBounds coverage,
            EconomicBounds economic,
            DriftBounds drift,
            EvolutionBounds sopEvolution) {}

    /**
     * @param evidenceZ how many standard errors the override rate's lower bound must stand above {@code overrideRatio}
     *     before a threshold is raised (1.645: one-sided 95%)
     * @param minOverrides overrides it takes at least: one mistaken override among an agent's first decisions is no evidence
     */
    public record ThresholdBounds(
            double min,
            double max,
            double step,
            double agreementRatio,
            double overrideRatio,
            int minSamples,
            int windowDays,
            double evidenceZ,
            int minOverrides) {}

    public record AutonomyCriteria(
            double promoteAgreementRatio, int promoteMinSamples, List<String> approvalRequiredFor) {}

    public record CoverageBounds(
            int repeatCount, double hourlyRate, double defaultTaskMinutes, int reviewDueDays, int windowDays) {}

    /**
     * @param opportunityMinRecurrences a kind of manual task this often in the coverage window is an automation opportunity …
     * @param opportunityMinMonthlyCost … when it costs more than this a month at the hourly rate
     * @param overrideMinutes a person's minutes every override costs
     * @param decisionMinutes a person's minutes a decision that takes effect alone saves
     * @param roiTarget the monthly return on investment to stay above (2.0: 200%)
     */
    public record EconomicBounds(
            int everyExecutions,
            double cycleTimeSlippage,
            double costOverrun,
            int weeksPerMonth,
            int opportunityMinRecurrences,
            double opportunityMinMonthlyCost,
            double overrideMinutes,
            double decisionMinutes,
            double roiTarget) {}

    /** @param realertAfterDays after an alert was acknowledged, an equal one waits this long */
    public record DriftBounds(
            ProcessDrift process,
            Fatigue fatigue,
            Attention attention,
            ConfidenceBunching confidence,
            int realertAfterDays) {}

    public record ProcessDrift(double band, double humanAbove, int minSamples, int windowDays) {}

    public record Fatigue(int overridesPerWeek, int humanAbove) {}

    public record Attention(double attendanceBelow, double humanBelow, int minMeetings, int windowDays) {}

    public record ConfidenceBunching(int minSamples, double bunchedShare, double high, double low, int windowDays) {}

    public record EvolutionBounds(
            double explicitHumanAbove,
            double silentTimeoutAbove,
            int silentTimeoutHours,
            int automationOpportunityTimeoutHours,
            double minAgreement,
            int minSamples,
            int windowDays) {}

    public record ReviewTargets(
            double automationRateMin,
            double manualWorkShareMax,
            double overrideRateMax,
            double ceoInterruptsPerWeekMax) {}

    public Rule rule(String id) {
        return rules.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("doctrine " + version + " has no rule " + id));
    }

    /** The week since go-live that {@code at} falls in: week 1 is go-live's first seven days. */
    public static int weekSince(LocalDate goLive, Instant at) {
        long days = ChronoUnit.DAYS.between(goLive, at.atZone(ZoneOffset.UTC).toLocalDate());
        return days < 0 ? 1 : (int) (days / 7) + 1;
    }

    public Phase phaseAt(LocalDate goLive, Instant at) {
        int week = weekSince(goLive, at);
        for (PhaseSpan span : phases) {
            if (week >= span.fromWeek() && (span.toWeek() == null || week <= span.toWeek())) {
                return Phase.parse(span.name());
            }
        }
        throw new IllegalStateException("doctrine " + version + " has no phase for week " + week);
    }

    public Duration schedule(String loop) {
        Duration every = schedules.get(loop);
        if (every == null) {
            throw new IllegalArgumentException("doctrine " + version + " has no schedule for loop " + loop);
        }
        return every;
    }
}

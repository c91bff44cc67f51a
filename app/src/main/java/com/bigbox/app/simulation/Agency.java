package com.bigbox.app.simulation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The seeded agency: which leads arrive when, and for each its truth and what the engine sees of it. Every
 * lead draws from its own random stream (seed and lead number), so adding a lead or reordering work never
 * changes another lead's story.
 *
 * <p>The noise is the point: a lead's quality raises the chance that it gives each signal the intake rules
 * count (urgency, company, phone, a long message, a budget), so the agent's confidence correlates with the
 * truth without equalling it; a meeting's sentiment is the client's real mood plus noise; a project's risk
 * factors only partly reflect its real risk.
 */
public final class Agency {
    static final List<String> SERVICES = List.of("brand_identity", "campaign", "event_activation", "web");
    private static final List<String> NAMES = List.of("Northwind", "Blue Harbor", "Kestrel", "Lumen", "Copperline", "Orchid",
            "Tidewater", "Summit", "Redfern", "Quartz", "Juniper", "Atlas", "Beacon", "Cobalt", "Driftwood", "Ember");
    private static final List<String> TRADES = List.of("Coffee", "Robotics", "Dental", "Brewing", "Fintech", "Events", "Yoga",
            "Books", "Mobility", "Health", "Freight", "Studios");
    /** Words that make the meeting agent infer each service from the goals. */
    private static final java.util.Map<String, String> GOAL_FOR = java.util.Map.of(
            "brand_identity", "refresh our brand identity", "campaign", "run a campaign for the new season",
            "event_activation", "plan a launch event", "web", "rebuild our website");
    private static final double SHARE_QUALIFIED = 0.72;

    private final long seed;
    private final AgencySize size;

    public Agency(long seed, AgencySize size) {
        this.seed = seed;
        this.size = size;
    }

    /** Every lead of {@code days} calendar days from {@code start}, in order of arrival (business days only). */
    public List<LeadCase> leads(Instant start, int days) {
        var leads = new ArrayList<LeadCase>();
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
        int number = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            if (!BusinessCalendar.businessDay(day)) {
                continue;
            }
            SplittableRandom daily = random(-1 - d);
            int count = size.leadsPerDay() + daily.nextInt(-1, 2);
            var minutes = new ArrayList<Integer>();
            for (int i = 0; i < count; i++) {
                minutes.add(daily.nextInt(0, (BusinessCalendar.CLOSES - BusinessCalendar.OPENS - 1) * 60));
            }
            minutes.sort(null);
            for (int m : minutes) {
                Instant arrival = day.atTime(BusinessCalendar.OPENS, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(m));
                leads.add(lead(number++, arrival));
            }
        }
        return leads;
    }

    /** Lead {@code number}, arriving at {@code arrival}: a pure function of the seed and the number. */
    public LeadCase lead(int number, Instant arrival) {
        SplittableRandom r = random(number);
        double quality = r.nextDouble();
        boolean qualified = quality < SHARE_QUALIFIED;
        // quality ranks leads inside their class: a good lead is qualified and rich in signals, a poor one neither.
        double q = qualified ? 0.35 + 0.65 * (quality / SHARE_QUALIFIED) : 0.35 * ((quality - SHARE_QUALIFIED) / (1 - SHARE_QUALIFIED));
        String service = SERVICES.get(r.nextInt(SERVICES.size()));
        BigDecimal budget = budget(r);
        String company = NAMES.get(r.nextInt(NAMES.size())) + " " + TRADES.get(r.nextInt(TRADES.size()));
        String contact = "Contact " + number;
        String domain = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");

        double signal = 0.10 + 0.85 * q * q;
        boolean noEmail = !qualified && r.nextDouble() < 0.10;
        String email = noEmail ? null : "lead" + number + "@" + domain + ".test";
        String phone = r.nextDouble() < signal ? "+1 555 01" + String.format(Locale.ROOT, "%02d", number % 100) : null;
        String named = r.nextDouble() < signal ? company : null;
        BigDecimal stated = r.nextDouble() < signal ? budget : null;
        if (!qualified && r.nextDouble() < 0.25) {
            stated = BigDecimal.valueOf(300 + 100L * r.nextInt(6)); // a tiny budget the rules turn down
        }
        String message = r.nextDouble() < signal
                ? "We are looking for a partner to " + GOAL_FOR.get(service) + ". Timing matters to us and the budget is being "
                        + "approved this month; we would like to talk about scope, team and next steps."
                : "Hi, can you help us with " + service.replace('_', ' ') + "?";
        String urgency = r.nextDouble() < signal ? (r.nextDouble() < 0.5 + 0.4 * q ? "high" : "normal") : null;

        double mood = r.nextDouble() < (qualified ? 0.08 : 0.25) ? -0.9 + 0.6 * r.nextDouble() : 0.1 + 0.8 * r.nextDouble();
        double sentiment = clamp(mood + 0.25 * r.nextGaussian(), -1, 1);
        boolean attended = r.nextDouble() < (qualified ? 0.92 : 0.6);
        boolean statesService = r.nextDouble() < 0.35 + 0.55 * q;
        boolean statesBudget = r.nextDouble() < 0.40 + 0.5 * q;
        Integer timeline = r.nextDouble() < 0.5 + 0.4 * q ? 3 + r.nextInt(10) : null;
        // The goals name the real service, unless the client talked mostly about something else.
        String goalService = r.nextDouble() < 0.8 ? service : SERVICES.get(r.nextInt(SERVICES.size()));
        List<String> goals = List.of(GOAL_FOR.get(goalService), "reach new customers");
        List<String> actionItems = List.of("Send moodboard examples", "Share the timeline with the client");

        // A project is planned to its budget (about 2,000 a week, four weeks at least); a troubled one is squeezed
        // (a short timeline, a team of one). The rules' factors see the plan, not the trouble, and a small budget
        // spread over four weeks is flagged whether or not it is a problem.
        boolean troubled = r.nextDouble() < 0.2;
        int planned = Math.max(4, Math.min(16, budget.intValue() / 2_000));
        int weeks = troubled && r.nextDouble() < 0.6 || !troubled && r.nextDouble() < 0.06 ? 2 + r.nextInt(2) : planned;
        int team = troubled && r.nextDouble() < 0.5 || !troubled && r.nextDouble() < 0.05 ? 1 : 2 + r.nextInt(3);
        // Underfunded work (under 1,000 a week) really is at risk, whatever else is true.
        boolean projectAtRisk = troubled || budget.doubleValue() / weeks < 1_000;

        boolean late = r.nextDouble() < 0.3;
        boolean inTransit = late && r.nextDouble() < 0.15;
        var payments = late
                ? new LeadCase.Payments(12 + r.nextInt(9), 0.5, inTransit ? 1 : 3 + r.nextInt(5), 14 + r.nextInt(10))
                : new LeadCase.Payments(3 + r.nextInt(8), 1.0, 0, 10 + r.nextInt(10));

        var truth = new LeadCase.Truth(qualified, service, budget, mood < -0.3 || !attended && !qualified, projectAtRisk,
                late && !inTransit, r.nextDouble() < 0.85);
        return new LeadCase(number, leadId(number), arrival, truth,
                new LeadCase.Inquiry(contact, email, phone, named, stated, message, urgency),
                new LeadCase.Meeting(attended, Math.round(sentiment * 100) / 100.0, statesService ? service : null,
                        statesBudget ? budget : null, timeline, goals, actionItems),
                new LeadCase.Project(weeks, team), payments);
    }

    /** Mostly under 10,000, some larger, a few above 100,000 (which only the CEO may commit to). */
    private static BigDecimal budget(SplittableRandom r) {
        double u = r.nextDouble();
        long amount = u < 0.70 ? 2_000 + 500L * r.nextInt(17) : u < 0.98 ? 10_500 + 1_000L * r.nextInt(80) : 110_000 + 10_000L * r.nextInt(20);
        return BigDecimal.valueOf(amount);
    }

    public String leadId(int number) {
        return "SIM-" + seed + "-" + number;
    }

    private SplittableRandom random(long stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}

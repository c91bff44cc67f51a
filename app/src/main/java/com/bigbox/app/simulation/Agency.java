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
 * <p>The noise is the point, and it is written from the client's side, not the rules': a lead's form follows from
 * who writes it (a business or not, serious or browsing, a sales pitch), so what the intake rules count correlates
 * with the truth without copying it; needs are described in a vocabulary larger than the rules' keywords
 * ({@link Vocabulary}: synonyms, typos, other topics in the same breath); stated budgets and timelines are noisy;
 * a meeting's sentiment is the client's mood plus noise and its notes may list an item nobody asked for; a
 * project's risk factors only partly reflect its real risk.
 */
public final class Agency {
    static final List<String> SERVICES = List.of("brand_identity", "campaign", "event_activation", "web");
    private static final List<String> NAMES = List.of(
            "Northwind",
            "Blue Harbor",
            "Kestrel",
            "Lumen",
            "Copperline",
            "Orchid",
            "Tidewater",
            "Summit",
            "Redfern",
            "Quartz",
            "Juniper",
            "Atlas",
            "Beacon",
            "Cobalt",
            "Driftwood",
            "Ember");
    private static final List<String> TRADES = List.of(
            "Coffee",
            "Robotics",
            "Dental",
            "Brewing",
            "Fintech",
            "Events",
            "Yoga",
            "Books",
            "Mobility",
            "Health",
            "Freight",
            "Studios");
    /** Share of attended meetings whose notes carry an action item nobody asked for. */
    static final double UNASKED_ITEM = 0.15;
    /** Share of signed clients who call the project off before it starts. */
    static final double CANCELS = 0.04;

    static final String RESCHEDULE = "Reschedule the discovery call";
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
                Instant arrival = day.atTime(BusinessCalendar.OPENS, 0)
                        .toInstant(ZoneOffset.UTC)
                        .plus(Duration.ofMinutes(m));
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
        // quality ranks leads inside their class: a good lead is qualified and says more, a poor one neither.
        double q = qualified
                ? 0.35 + 0.65 * (quality / SHARE_QUALIFIED)
                : 0.35 * ((quality - SHARE_QUALIFIED) / (1 - SHARE_QUALIFIED));
        String service = SERVICES.get(r.nextInt(SERVICES.size()));
        BigDecimal budget = budget(r);
        String company = NAMES.get(r.nextInt(NAMES.size())) + " " + TRADES.get(r.nextInt(TRADES.size()));
        var inquiry = inquiry(r, number, qualified, q, service, company, budget);
        var meeting = meeting(r, qualified, q, service, budget);

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
        boolean unhappy = meeting.mood() < -0.3 || !meeting.notes().attended() && !qualified;
        var truth = new LeadCase.Truth(
                qualified,
                service,
                budget,
                unhappy,
                projectAtRisk,
                late && !inTransit,
                r.nextDouble() < 0.85,
                meeting.requested(),
                r.nextDouble() < CANCELS);
        return new LeadCase(
                number,
                leadId(number),
                arrival,
                truth,
                inquiry,
                meeting.notes(),
                new LeadCase.Project(weeks, team),
                payments);
    }

    /**
     * The web form. What it says follows from who writes it — a business or a private person, serious or browsing,
     * a client or a sales pitch — not from what the intake rules count: a serious lead tends to give more, a
     * pitch writes long messages, a hurried client may mistype the email.
     */
    private static LeadCase.Inquiry inquiry(
            SplittableRandom r,
            int number,
            boolean qualified,
            double q,
            String service,
            String company,
            BigDecimal budget) {
        boolean business = r.nextDouble() < (qualified ? 0.85 : 0.5);
        boolean pitch = !qualified && r.nextDouble() < 0.2;
        String domain = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String email = !qualified && r.nextDouble() < 0.10
                ? null
                : r.nextDouble() < 0.02
                        ? "lead" + number + " at " + domain + ".test" // mistyped
                        : "lead" + number + "@" + (business ? domain : "mail") + ".test";
        String phone = r.nextDouble() < (business ? 0.35 : 0.15) + 0.4 * q
                ? "+1 555 01" + String.format(Locale.ROOT, "%02d", number % 100)
                : null;
        String named = business && r.nextDouble() < 0.85 ? company : null;
        BigDecimal stated = !pitch && r.nextDouble() < 0.15 + 0.6 * q ? stated(r, budget) : null;
        if (!qualified && !pitch && r.nextDouble() < 0.25) {
            stated = BigDecimal.valueOf(300 + 100L * r.nextInt(6)); // a tiny budget
        }
        String what = service.replace('_', ' ');
        var sentences = new ArrayList<String>();
        if (pitch) {
            sentences.add(Vocabulary.pick(r, Vocabulary.NOT_A_CLIENT));
        } else {
            int serious = (int) Math.round(4 * q * r.nextDouble() + 2 * q * r.nextDouble());
            for (int i = 0; i < serious; i++) {
                sentences.add(String.format(Locale.ROOT, Vocabulary.pick(r, Vocabulary.SERIOUS), what));
            }
            if (sentences.isEmpty() || r.nextDouble() < 0.3) {
                sentences.add(String.format(Locale.ROOT, Vocabulary.pick(r, Vocabulary.VAGUE), what));
            }
        }
        String urgency = r.nextDouble() < 0.25 + 0.5 * q
                ? Vocabulary.pick(r, r.nextDouble() < 0.3 + 0.4 * q ? Vocabulary.URGENT : Vocabulary.NOT_URGENT)
                : null;
        return new LeadCase.Inquiry(
                "Contact " + number, email, phone, named, stated, String.join(" ", sentences), urgency);
    }

    /** The meeting as it went (the client's mood, what they asked for) and as the account manager wrote it up. */
    private record MeetingStory(LeadCase.Meeting notes, double mood, List<String> requested) {}

    private static MeetingStory meeting(
            SplittableRandom r, boolean qualified, double q, String service, BigDecimal budget) {
        double mood =
                r.nextDouble() < (qualified ? 0.08 : 0.25) ? -0.9 + 0.6 * r.nextDouble() : 0.1 + 0.8 * r.nextDouble();
        double sentiment = clamp(mood + 0.25 * r.nextGaussian(), -1, 1);
        boolean attended = r.nextDouble() < (qualified ? 0.92 : 0.6);
        boolean statesService = r.nextDouble() < 0.35 + 0.55 * q;
        BigDecimal statedBudget = r.nextDouble() < 0.40 + 0.5 * q ? stated(r, budget) : null;
        Integer timeline = r.nextDouble() < 0.5 + 0.4 * q
                ? Math.max(1, 3 + r.nextInt(10) + (int) Math.round(1.5 * r.nextGaussian()))
                : null;
        // The client talks mostly about what they want, sometimes mostly about something else, often about more.
        String talkedAbout = r.nextDouble() < 0.8 ? service : SERVICES.get(r.nextInt(SERVICES.size()));
        var goals = new ArrayList<String>(List.of(Vocabulary.pick(r, Vocabulary.GOALS.get(talkedAbout))));
        if (r.nextDouble() < 0.5) {
            goals.add(Vocabulary.pick(r, Vocabulary.ASIDES));
        }
        var requested = new ArrayList<String>();
        var items = new ArrayList<String>();
        if (attended) {
            int asked = 1 + r.nextInt(3);
            while (requested.size() < asked) {
                String item = Vocabulary.pick(r, Vocabulary.ACTION_ITEMS);
                if (!requested.contains(item)) {
                    requested.add(item);
                }
            }
            items.addAll(requested);
            // Now and then the notes carry something the account manager meant to do, which nobody asked for.
            String extra = Vocabulary.pick(r, Vocabulary.ACTION_ITEMS);
            if (r.nextDouble() < UNASKED_ITEM && !items.contains(extra)) {
                items.add(r.nextInt(items.size() + 1), extra);
            }
        } else {
            requested.add(RESCHEDULE);
            items.add(RESCHEDULE);
        }
        var notes = new LeadCase.Meeting(
                attended,
                Math.round(sentiment * 100) / 100.0,
                statesService ? service : null,
                statedBudget,
                timeline,
                goals,
                items);
        return new MeetingStory(notes, mood, requested);
    }

    /** A budget as a client states it: near what they will pay (within about 15%), rounded to 500. */
    private static BigDecimal stated(SplittableRandom r, BigDecimal budget) {
        double said = budget.doubleValue() * Math.exp(0.12 * r.nextGaussian());
        return BigDecimal.valueOf(Math.max(500, Math.round(said / 500) * 500L));
    }

    /** Mostly under 10,000, some larger, a few above 100,000 (which only the CEO may commit to). */
    private static BigDecimal budget(SplittableRandom r) {
        double u = r.nextDouble();
        long amount = u < 0.70
                ? 2_000 + 500L * r.nextInt(17)
                : u < 0.98 ? 10_500 + 1_000L * r.nextInt(80) : 110_000 + 10_000L * r.nextInt(20);
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

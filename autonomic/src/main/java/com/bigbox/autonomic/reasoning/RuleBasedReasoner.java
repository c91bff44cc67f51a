package com.bigbox.autonomic.reasoning;

import com.bigbox.autonomic.events.MeetingEvent;
import com.bigbox.autonomic.finance.InvoiceEvent;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.autonomic.reasoning.MeetingInsight.RiskFinding;
import com.bigbox.autonomic.reasoning.MeetingInsight.TaskToCreate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic, explainable rules; the original engine's thresholds and scoring are the defaults.
 * Every number an answer depends on is named in its reasons.
 */
public class RuleBasedReasoner implements Reasoner {
    static final BigDecimal MINIMUM_ENGAGEMENT = new BigDecimal("1000");
    static final Duration PAYMENT_TERMS = Duration.ofDays(14);

    /** Weekly price of a team by service type, for quotes without a stated budget. */
    private static final Map<String, BigDecimal> WEEKLY_RATE = Map.of(
            "brand_identity", new BigDecimal("4000"),
            "event_activation", new BigDecimal("5000"),
            "campaign", new BigDecimal("3500"),
            "web", new BigDecimal("4500"),
            "creative_services", new BigDecimal("3000"));

    private static final Map<String, Integer> DEFAULT_WEEKS =
            Map.of("brand_identity", 8, "event_activation", 12, "campaign", 6, "web", 10, "creative_services", 6);

    /** Who does what; a task goes to one of its role's people, the same one every time for the same task. */
    private static final Map<String, List<String>> ROSTER = Map.of(
            "account_manager", List.of("alex", "sam"),
            "designer", List.of("dana", "lee"),
            "strategist", List.of("morgan"),
            "finance", List.of("pat"),
            "manager", List.of("jordan"),
            "ceo", List.of("ceo"));

    @Override
    public String name() {
        return "rules";
    }

    // The original's intake scoring: 50, +20 high urgency, +10 company, +10 email and phone, +10 message
    // over 100 characters; confidence 0.70 plus 0.05 per signal the lead gives; >= 0.85 and >= 70 is a
    // priority lead whose discovery call is two days out.
    @Override
    public Qualification qualify(LeadFacts lead) {
        var reasons = new ArrayList<String>();
        int score = 50;
        int signals = 0;
        reasons.add("base score 50");
        String urgency = lower(lead.urgency());
        if (urgency != null) {
            signals++;
            if (urgency.equals("high") || urgency.equals("urgent")) {
                score += 20;
                reasons.add("urgency is " + urgency + " (+20)");
            } else {
                reasons.add("urgency stated as " + urgency);
            }
        }
        if (present(lead.company())) {
            score += 10;
            signals++;
            reasons.add("company named: " + lead.company().strip() + " (+10)");
        }
        if (present(lead.email()) && present(lead.phone())) {
            score += 10;
            signals++;
            reasons.add("email and phone given (+10)");
        }
        if (present(lead.message()) && lead.message().strip().length() > 100) {
            score += 10;
            signals++;
            reasons.add("message over 100 characters (+10)");
        }
        if (lead.budget() != null) {
            signals++;
            reasons.add("budget stated: " + lead.budget().toPlainString());
        }
        double confidence = Math.min(0.95, 0.70 + 0.05 * signals);
        reasons.add(String.format(Locale.ROOT, "confidence 0.70 + 0.05 x %d signals = %.2f", signals, confidence));
        boolean qualified = true;
        if (!present(lead.email()) || !lead.email().contains("@")) {
            qualified = false;
            confidence = 0.60;
            reasons.add("no valid email: nobody to reply to (confidence 0.60)");
        }
        if (lead.budget() != null && lead.budget().compareTo(MINIMUM_ENGAGEMENT) < 0) {
            qualified = false;
            reasons.add("budget below the minimum engagement of " + MINIMUM_ENGAGEMENT.toPlainString());
        }
        String priority = confidence >= 0.85 && score >= 70 ? "high" : "standard";
        reasons.add("priority " + priority + (priority.equals("high") ? " (confidence >= 0.85 and score >= 70)" : ""));
        return new Qualification(qualified, score, priority, confidence, reasons);
    }

    @Override
    public MeetingInsight analyse(MeetingEvent.Completed meeting) {
        var reasons = new ArrayList<String>();
        double confidence = 0.60;
        String serviceType = lower(meeting.serviceType());
        if (serviceType != null) {
            confidence += 0.10;
            reasons.add("service type stated: " + serviceType);
        } else {
            serviceType = inferServiceType(String.join(" ", meeting.goals()) + " " + nullToEmpty(meeting.notes()));
            reasons.add("service type inferred from the notes: " + serviceType);
        }
        if (meeting.budget() != null) {
            confidence += 0.10;
            reasons.add("budget stated: " + meeting.budget().toPlainString());
        }
        if (meeting.timelineWeeks() != null) {
            confidence += 0.10;
            reasons.add("timeline stated: " + meeting.timelineWeeks() + " weeks");
        }
        if (!meeting.goals().isEmpty()) {
            confidence += 0.05;
            reasons.add(meeting.goals().size() + " goal(s) recorded");
        }
        confidence = Math.min(0.95, confidence);
        String intent = serviceType + (meeting.goals().isEmpty() ? "" : ": " + String.join("; ", meeting.goals()));

        var tasks = new ArrayList<TaskToCreate>();
        for (String item : meeting.actionItems()) {
            String role = roleFor(item);
            tasks.add(new TaskToCreate(
                    item, role, 0.90, List.of("action item from the meeting", "role " + role + " by its wording")));
        }

        Optional<RiskFinding> risk = Optional.empty();
        if (meeting.sentiment() != null && meeting.sentiment() < -0.3) {
            double s = meeting.sentiment();
            String severity = s < -0.7 ? "critical" : s < -0.5 ? "high" : "medium";
            risk = Optional.of(new RiskFinding(
                    "relationship",
                    severity,
                    "negative sentiment in the meeting (" + s + ")",
                    0.85,
                    List.of(
                            String.format(Locale.ROOT, "sentiment %.2f is below -0.30", s),
                            "severity " + severity + " (below -0.70 critical, below -0.50 high)")));
        } else if (Boolean.FALSE.equals(meeting.attended())) {
            risk = Optional.of(new RiskFinding(
                    "relationship", "medium", "the client did not attend", 0.80, List.of("attended is false")));
        }
        return new MeetingInsight(
                intent,
                serviceType,
                meeting.goals(),
                meeting.budget(),
                meeting.timelineWeeks(),
                confidence,
                reasons,
                tasks,
                risk);
    }

    @Override
    public StrategyPlan plan(MeetingEvent.IntentInferred intent) {
        var reasons = new ArrayList<String>();
        String serviceType = intent.serviceType() == null ? "creative_services" : intent.serviceType();
        BigDecimal rate =
                WEEKLY_RATE.getOrDefault(serviceType, Objects.requireNonNull(WEEKLY_RATE.get("creative_services")));
        int weeks = intent.timelineWeeks() != null && intent.timelineWeeks() > 0
                ? intent.timelineWeeks()
                : DEFAULT_WEEKS.getOrDefault(serviceType, 6);
        reasons.add("timeline " + weeks + " weeks"
                + (intent.timelineWeeks() == null ? " (default for " + serviceType + ")" : ""));
        BigDecimal estimate = rate.multiply(BigDecimal.valueOf(weeks));
        BigDecimal quote;
        double confidence;
        if (intent.budget() != null && intent.budget().signum() > 0) {
            quote = intent.budget().setScale(0, RoundingMode.HALF_UP);
            BigDecimal gap = intent.budget().subtract(estimate).abs().divide(estimate, 4, RoundingMode.HALF_UP);
            confidence = gap.compareTo(new BigDecimal("0.20")) <= 0 ? 0.95 : 0.85;
            reasons.add("quote at the client's budget " + quote.toPlainString() + "; rate card says "
                    + estimate.toPlainString() + " (" + gap.movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                    + "% apart)");
        } else {
            quote = estimate;
            confidence = 0.75;
            reasons.add("no budget stated: quote from the rate card, " + rate.toPlainString() + "/week x " + weeks);
        }
        int team = quote.compareTo(new BigDecimal("50000")) >= 0
                ? 4
                : quote.compareTo(new BigDecimal("20000")) >= 0 ? 3 : 2;
        reasons.add("team of " + team + " for " + quote.toPlainString());
        List<String> objectives =
                intent.goals().isEmpty() ? List.of("define objectives with the client") : intent.goals();
        String tone = switch (serviceType) {
            case "brand_identity" -> "distinctive and consistent";
            case "event_activation" -> "energetic and experiential";
            case "campaign" -> "persuasive and timely";
            default -> "clear and confident";
        };
        return new StrategyPlan(
                objectives,
                "to be confirmed with the client",
                tone,
                serviceType,
                weeks,
                team,
                intent.budget(),
                quote,
                confidence,
                reasons);
    }

    @Override
    public TaskAssignment assign(TaskEvent.Created task) {
        String role = task.role() != null && ROSTER.containsKey(task.role())
                ? task.role()
                : roleFor(nullToEmpty(task.title()));
        double confidence = task.role() != null && ROSTER.containsKey(task.role()) ? 0.90 : 0.80;
        List<String> people = Objects.requireNonNull(ROSTER.get(role), () -> "no roster for role " + role);
        String assignee = people.get(Math.floorMod(nullToEmpty(task.taskId()).hashCode(), people.size()));
        return new TaskAssignment(
                assignee,
                role,
                confidence,
                List.of(
                        task.role() != null && ROSTER.containsKey(task.role())
                                ? "the task names role " + role
                                : "role " + role + " by the task's wording",
                        assignee + " is on the " + role + " roster"));
    }

    // The original: a timeline under 4 weeks or a team under 2 puts a project at risk.
    @Override
    public ProjectAssessment assess(ProjectEvent.Started project) {
        var factors = new ArrayList<String>();
        if (project.timelineWeeks() != null && project.timelineWeeks() < 4) {
            factors.add("timeline of " + project.timelineWeeks() + " weeks is under 4");
        }
        if (project.teamSize() != null && project.teamSize() < 2) {
            factors.add("team of " + project.teamSize() + " is under 2");
        }
        if (project.budget() == null) {
            factors.add("no budget agreed");
        } else if (project.timelineWeeks() != null
                && project.timelineWeeks() > 0
                && project.budget()
                                .divide(BigDecimal.valueOf(project.timelineWeeks()), 2, RoundingMode.HALF_UP)
                                .compareTo(new BigDecimal("1500"))
                        < 0) {
            factors.add("budget under 1500 per week");
        }
        if (project.quoteId() == null) {
            factors.add("no accepted quote");
        }
        var reasons = new ArrayList<String>(factors);
        if (factors.isEmpty()) {
            reasons.add("timeline, team and budget are within bounds");
        }
        return new ProjectAssessment(factors, 0.85, reasons);
    }

    // The original: a 50% deposit, due in 14 days.
    @Override
    public InvoicePlan invoice(String kind, BigDecimal total, boolean estimated, Instant now) {
        BigDecimal amount = total.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_UP);
        double confidence = estimated ? 0.80 : 0.90;
        return new InvoicePlan(
                kind,
                amount,
                now.plus(PAYMENT_TERMS),
                confidence,
                List.of(
                        kind + ": 50% of " + total.toPlainString()
                                + (estimated ? " (the project's budget, no quote)" : " (the accepted quote)"),
                        "due in 14 days"));
    }

    @Override
    public PaymentAssessment payment(InvoiceEvent.Issued invoice, BigDecimal paidBefore, BigDecimal paidNow) {
        BigDecimal balance =
                invoice.amount().subtract(paidBefore).subtract(paidNow).max(BigDecimal.ZERO);
        if (balance.signum() == 0) {
            return new PaymentAssessment(
                    true,
                    BigDecimal.ZERO,
                    0.95,
                    List.of("paid " + paidBefore.add(paidNow).toPlainString() + " of "
                            + invoice.amount().toPlainString()));
        }
        return new PaymentAssessment(
                false,
                balance,
                0.90,
                List.of("paid " + paidBefore.add(paidNow).toPlainString() + " of "
                        + invoice.amount().toPlainString() + ", " + balance.toPlainString() + " outstanding"));
    }

    static String roleFor(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches(".*(design|logo|visual|mockup|moodboard).*")) {
            return "designer";
        }
        if (t.matches(".*(quote|invoice|budget|price|pricing|contract|payment).*")) {
            return "finance";
        }
        if (t.matches(".*(strategy|brief|research|positioning).*")) {
            return "strategist";
        }
        return "account_manager";
    }

    static String inferServiceType(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("brand") || t.contains("logo") || t.contains("identity")) {
            return "brand_identity";
        }
        if (t.contains("event") || t.contains("activation") || t.contains("launch party")) {
            return "event_activation";
        }
        if (t.contains("campaign") || t.contains("ads")) {
            return "campaign";
        }
        if (t.contains("website") || t.contains("web")) {
            return "web";
        }
        return "creative_services";
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static @Nullable String lower(@Nullable String s) {
        return s != null && present(s) ? s.strip().toLowerCase(Locale.ROOT) : null;
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}

package com.bigbox.autonomic.strategy;

import com.bigbox.autonomic.meetings.MeetingEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pricing by the rate card: a quote at the client's budget when one was stated (more confident the closer it is
 * to the rate card), else the card's weekly rate times the weeks; the team grows with the quote; the brief's tone
 * follows the service. Every number an answer depends on is named in its reasons.
 */
public class StrategyRules implements StrategyReasoner {
    /** Weekly price of a team by service type, for quotes without a stated budget. */
    private static final Map<String, BigDecimal> WEEKLY_RATE = Map.of(
            "brand_identity", new BigDecimal("4000"),
            "event_activation", new BigDecimal("5000"),
            "campaign", new BigDecimal("3500"),
            "web", new BigDecimal("4500"),
            "creative_services", new BigDecimal("3000"));

    private static final Map<String, Integer> DEFAULT_WEEKS =
            Map.of("brand_identity", 8, "event_activation", 12, "campaign", 6, "web", 10, "creative_services", 6);

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
        Price price = price(intent.budget(), rate, weeks, reasons);
        int team = price.quote().compareTo(new BigDecimal("50000")) >= 0
                ? 4
                : price.quote().compareTo(new BigDecimal("20000")) >= 0 ? 3 : 2;
        reasons.add("team of " + team + " for " + price.quote().toPlainString());
        List<String> objectives =
                intent.goals().isEmpty() ? List.of("define objectives with the client") : intent.goals();
        return new StrategyPlan(
                objectives,
                "to be confirmed with the client",
                tone(serviceType),
                serviceType,
                weeks,
                team,
                intent.budget(),
                price.quote(),
                price.confidence(),
                reasons);
    }

    private record Price(BigDecimal quote, double confidence) {}

    private static Price price(@Nullable BigDecimal budget, BigDecimal rate, int weeks, List<String> reasons) {
        BigDecimal estimate = rate.multiply(BigDecimal.valueOf(weeks));
        if (budget != null && budget.signum() > 0) {
            BigDecimal quote = budget.setScale(0, RoundingMode.HALF_UP);
            BigDecimal gap = budget.subtract(estimate).abs().divide(estimate, 4, RoundingMode.HALF_UP);
            reasons.add("quote at the client's budget " + quote.toPlainString() + "; rate card says "
                    + estimate.toPlainString() + " (" + gap.movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                    + "% apart)");
            return new Price(quote, gap.compareTo(new BigDecimal("0.20")) <= 0 ? 0.95 : 0.85);
        }
        reasons.add("no budget stated: quote from the rate card, " + rate.toPlainString() + "/week x " + weeks);
        return new Price(estimate, 0.75);
    }

    private static String tone(String serviceType) {
        return switch (serviceType) {
            case "brand_identity" -> "distinctive and consistent";
            case "event_activation" -> "energetic and experiential";
            case "campaign" -> "persuasive and timely";
            default -> "clear and confident";
        };
    }
}

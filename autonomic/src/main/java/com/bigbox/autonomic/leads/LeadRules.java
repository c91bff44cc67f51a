package com.bigbox.autonomic.leads;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The original engine's intake scoring: 50, +20 high urgency, +10 company, +10 email and phone, +10 message over
 * 100 characters; confidence 0.70 plus 0.05 per signal the lead gives; >= 0.85 and >= 70 is a priority lead whose
 * discovery call is two days out. Every number an answer depends on is named in its reasons.
 */
public class LeadRules implements LeadReasoner {
    static final BigDecimal MINIMUM_ENGAGEMENT = new BigDecimal("1000");

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
        return verdict(lead, score, confidence, reasons);
    }

    // A lead nobody can answer, or below the minimum engagement, is turned down whatever its score.
    private static Qualification verdict(LeadFacts lead, int score, double confidence, ArrayList<String> reasons) {
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

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static @Nullable String lower(@Nullable String s) {
        return s != null && present(s) ? s.strip().toLowerCase(Locale.ROOT) : null;
    }
}

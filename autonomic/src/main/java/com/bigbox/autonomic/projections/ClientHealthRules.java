package com.bigbox.autonomic.projections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a client's activity becomes a trust score and a health status, with the reasons. Trust starts at
 * 0.70 and moves with what the client says (NPS, quality), what we detected (risks, projects at risk,
 * unpaid balances, missed meetings), and how fast we answer; the status follows the trust score and the
 * gravest signal.
 */
public final class ClientHealthRules {
    static final BigDecimal BASE_TRUST = new BigDecimal("0.70");

    public ClientHealth assess(ClientActivity a) {
        var reasons = new ArrayList<String>();
        Integer nps =
                a.responses() == 0 ? null : (int) Math.round(100.0 * (a.promoters() - a.detractors()) / a.responses());
        // In this order: the score is a running double, and the same steps in the same order give the same digits.
        double trust = said(a, nps, BASE_TRUST.doubleValue(), reasons);
        trust = detected(a, trust, reasons);
        trust = answered(a, trust, reasons);
        BigDecimal trustScore =
                BigDecimal.valueOf(Math.max(0, Math.min(1, trust))).setScale(2, RoundingMode.HALF_UP);
        String status = status(a, nps, trustScore);
        reasons.add(String.format(Locale.ROOT, "trust score %s -> %s", trustScore.toPlainString(), status));
        BigDecimal margin = a.revenue().signum() > 0
                ? a.revenue()
                        .subtract(a.cost())
                        .divide(a.revenue(), 2, RoundingMode.HALF_UP)
                        .max(new BigDecimal("-9.99"))
                : null;
        long decisions = a.executed() + a.escalations();
        BigDecimal automation = decisions == 0
                ? null
                : BigDecimal.valueOf(a.executed()).divide(BigDecimal.valueOf(decisions), 2, RoundingMode.HALF_UP);
        return new ClientHealth(
                a.clientId(),
                a.lastEventAt(),
                a.events(),
                a.meetings(),
                a.avgResponseHours(),
                a.quality(),
                nps,
                a.revenue().setScale(2, RoundingMode.HALF_UP),
                margin,
                trustScore,
                automation,
                a.proactiveInterventions(),
                status,
                List.copyOf(reasons),
                a.lastEventAt());
    }

    // What the client says: NPS and quality.
    private static double said(ClientActivity a, @Nullable Integer nps, double trust, List<String> reasons) {
        if (nps != null) {
            if (nps >= 30) {
                trust += 0.10;
                reasons.add("NPS " + nps + " (+0.10)");
            } else if (nps < 0) {
                trust -= 0.15;
                reasons.add("NPS " + nps + " is negative (-0.15)");
            }
        }
        if (a.quality() != null) {
            if (a.quality().compareTo(new BigDecimal("0.85")) >= 0) {
                trust += 0.05;
                reasons.add("quality " + a.quality() + " (+0.05)");
            } else if (a.quality().compareTo(new BigDecimal("0.60")) < 0) {
                trust -= 0.10;
                reasons.add("quality " + a.quality() + " is below 0.60 (-0.10)");
            }
        }
        return trust;
    }

    // What we detected: risks, projects at risk, unpaid balances, missed meetings.
    private static double detected(ClientActivity a, double trust, List<String> reasons) {
        if (a.criticalRisks() > 0) {
            trust -= Math.min(0.50, 0.25 * a.criticalRisks());
            reasons.add(a.criticalRisks() + " critical risk(s) in 30 days");
        }
        if (a.highRisks() > 0) {
            trust -= 0.10 * a.highRisks();
            reasons.add(a.highRisks() + " high risk(s) in 30 days (-0.10 each)");
        }
        if (a.projectsAtRisk() > 0) {
            trust -= 0.05 * a.projectsAtRisk();
            reasons.add(a.projectsAtRisk() + " project(s) at risk (-0.05 each)");
        }
        if (a.paymentReminders() > 0) {
            trust -= 0.05 * a.paymentReminders();
            reasons.add(a.paymentReminders() + " payment reminder(s) (-0.05 each)");
        }
        if (a.meetingsMissed() > 0) {
            trust -= 0.10;
            reasons.add(a.meetingsMissed() + " missed meeting(s) (-0.10)");
        }
        return trust;
    }

    // Revenue, and how fast decisions for the client are answered.
    private static double answered(ClientActivity a, double trust, List<String> reasons) {
        if (a.revenue().signum() > 0) {
            trust += 0.05;
            reasons.add("revenue " + a.revenue().toPlainString() + " in 30 days (+0.05)");
        }
        if (a.avgResponseHours() != null) {
            if (a.avgResponseHours().compareTo(new BigDecimal("4")) <= 0) {
                trust += 0.05;
                reasons.add("decisions answered in " + a.avgResponseHours() + " h on average (+0.05)");
            } else if (a.avgResponseHours().compareTo(new BigDecimal("24")) > 0) {
                trust -= 0.05;
                reasons.add("decisions wait " + a.avgResponseHours() + " h on average (-0.05)");
            }
        }
        return trust;
    }

    // The gravest signal first, then the trust score.
    private static String status(ClientActivity a, @Nullable Integer nps, BigDecimal trustScore) {
        if (a.criticalRisks() > 0 || trustScore.compareTo(new BigDecimal("0.30")) < 0) {
            return "critical";
        } else if (a.highRisks() > 0 || trustScore.compareTo(new BigDecimal("0.50")) < 0) {
            return "at_risk";
        } else if (trustScore.compareTo(new BigDecimal("0.70")) < 0
                || a.paymentReminders() > 0
                || a.projectsAtRisk() > 0
                || nps != null && nps < 0
                || a.meetingsMissed() > 0) {
            return "attention_needed";
        } else {
            return "healthy";
        }
    }
}

package com.bigbox.autonomic.leads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Whether a scored lead is qualified: turned down when nobody can be answered, the budget is under the minimum
 * engagement, or the message reads as a sales pitch or a job application (two cues or more); each verdict carries
 * its own confidence, graded by how clear the evidence is.
 */
final class LeadVerdict {
    /** A mistyped address is no sign of a poor lead, only of one a person must reach another way. */
    static final double NO_EMAIL = 0.55;

    private LeadVerdict() {}

    static Qualification of(LeadFacts lead, LeadMessage message, int score, double confidence, List<String> reasons) {
        if (!LeadRules.present(lead.email())
                || !LeadInquiry.EMAIL.matcher(lead.email().strip()).matches()) {
            reasons.add(String.format(Locale.ROOT, "no valid email: nobody to reply to (confidence %.2f)", NO_EMAIL));
            return standard(false, score, NO_EMAIL, reasons);
        }
        if (lead.budget() != null && lead.budget().compareTo(LeadRules.MINIMUM_ENGAGEMENT) < 0) {
            // Far below the minimum is a clear no; just under it may be a rough figure.
            BigDecimal share = lead.budget().divide(LeadRules.MINIMUM_ENGAGEMENT, 2, RoundingMode.HALF_UP);
            double sure = share.compareTo(new BigDecimal("0.5")) < 0 ? 0.90 : 0.75;
            reasons.add(String.format(
                    Locale.ROOT,
                    "budget %s is below the minimum engagement of %s (confidence %.2f)",
                    lead.budget().toPlainString(),
                    LeadRules.MINIMUM_ENGAGEMENT.toPlainString(),
                    sure));
            return standard(false, score, sure, reasons);
        }
        int cues = Math.max(message.pitchCues().size(), message.jobCues().size());
        if (cues >= 2) {
            double sure = Math.min(0.90, 0.70 + 0.05 * cues);
            String what =
                    message.pitchCues().size() >= message.jobCues().size() ? "a sales pitch" : "a job application";
            reasons.add(String.format(Locale.ROOT, "not a client: %s (%d cues, confidence %.2f)", what, cues, sure));
            return standard(false, score, sure, reasons);
        }
        String priority = confidence >= 0.85 && score >= 70 ? "high" : "standard";
        reasons.add("priority " + priority + (priority.equals("high") ? " (confidence >= 0.85 and score >= 70)" : ""));
        return new Qualification(true, score, priority, confidence, reasons);
    }

    // A lead turned down books nothing: its last reason is why, which the disqualification carries.
    private static Qualification standard(boolean qualified, int score, double confidence, List<String> reasons) {
        return new Qualification(qualified, score, "standard", confidence, reasons);
    }
}

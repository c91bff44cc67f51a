package com.bigbox.autonomic.leads;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The original engine's intake scoring — 50, +20 high urgency, +10 company, +10 email and phone, +10 message over
 * 100 characters; priority (the discovery call two days out) at confidence >= 0.85 and score >= 70 — with a
 * confidence that follows the evidence a real client gives: what each signal adds (a named company, a phone, a
 * budget, a message of several sentences that says what and by when, urgency), less what conflicts with a client
 * (a cue of a sales pitch or a job application; two such cues turn the lead down). The weights were set from the
 * development seeds' leads (how much more often a real client gives each signal), never from held-out ones. Every number an
 * answer depends on is named in its reasons.
 */
public class LeadRules implements LeadReasoner {
    static final BigDecimal MINIMUM_ENGAGEMENT = new BigDecimal("1000");
    /** A single cue of a pitch or an application: doubt, not a verdict. */
    static final double CONFLICT = 1.5;
    /** Webmail anyone can have: a client writing from its company's domain says a little more. */
    private static final Set<String> FREE_MAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "yahoo.com",
            "hotmail.com",
            "outlook.com",
            "live.com",
            "aol.com",
            "icloud.com",
            "me.com",
            "mail.com",
            "gmx.com",
            "gmx.net",
            "protonmail.com",
            "proton.me",
            "yandex.com",
            "msn.com");

    @Override
    public Qualification qualify(LeadFacts lead) {
        var reasons = new ArrayList<String>();
        LeadMessage message = LeadMessage.read(lead.message(), lead.urgency());
        int score = score(lead, message, reasons);
        var evidence = new Evidence(reasons);
        evidence.add(present(lead.company()), 0.6, "a company is named");
        evidence.add(present(lead.phone()), 0.6, "a phone number is given");
        BigDecimal budget = lead.budget();
        evidence.add(budget != null && budget.compareTo(MINIMUM_ENGAGEMENT) >= 0, 0.4, "a budget is stated");
        evidence.add(
                budget != null && budget.compareTo(MINIMUM_ENGAGEMENT.multiply(BigDecimal.valueOf(5))) >= 0,
                0.8,
                "the budget is five times the minimum engagement or more");
        evidence.add(message.words() >= 10, 0.4, "the message says something (" + message.words() + " words)");
        evidence.add(message.sentences() >= 2, 1.2, "the message runs to " + message.sentences() + " sentences");
        evidence.add(message.sentences() >= 3, 1.5, "three sentences or more: a considered inquiry");
        evidence.add(message.what() != null, 0.4, "it says what is wanted ('" + message.what() + "')");
        evidence.add(message.when() != null, 0.4, "it says when ('" + message.when() + "')");
        evidence.add(message.urgency() == LeadMessage.Urgency.HIGH, 0.6, "it is urgent");
        evidence.add(message.urgency() == LeadMessage.Urgency.NONE, -0.4, "no urgency stated");
        evidence.conflict(message.pitchCues(), "a sales pitch");
        evidence.conflict(message.jobCues(), "a job application");
        double confidence = evidence.confidence();
        reasons.add(String.format(
                Locale.ROOT,
                "confidence %.2f (evidence %+.1f, as a probability, within 0.50-0.95)",
                confidence,
                evidence.weight));
        return LeadVerdict.of(lead, message, score, confidence, reasons);
    }

    // The original's score, which sets the priority; urgency in anyone's words ("asap", "this week") counts as high.
    private static int score(LeadFacts lead, LeadMessage message, List<String> reasons) {
        int score = 50;
        reasons.add("base score 50");
        if (message.urgency() == LeadMessage.Urgency.HIGH) {
            score += 20;
            reasons.add("urgency is high (+20): " + lead.urgency().strip());
        }
        if (present(lead.company())) {
            score += 10;
            reasons.add("company named: " + lead.company().strip() + " (+10)");
        }
        if (present(lead.email()) && present(lead.phone())) {
            score += 10;
            reasons.add("email and phone given (+10)");
        }
        if (present(lead.message()) && lead.message().strip().length() > 100) {
            score += 10;
            reasons.add("message over 100 characters (+10)");
        }
        return score;
    }

    /**
     * The evidence for a real client as a sum of weights (log-odds, from an even start): each signal adds what it
     * says, and the sum becomes the confidence through the logistic curve, so a lead that gives little stays near
     * an even chance and one that gives much approaches certainty.
     */
    private static final class Evidence {
        private final List<String> reasons;
        private double weight;

        Evidence(List<String> reasons) {
            this.reasons = reasons;
        }

        void add(boolean given, double w, String what) {
            if (given) {
                weight += w;
                reasons.add(String.format(Locale.ROOT, "%s (%+.1f)", what, w));
            }
        }

        void conflict(List<String> cues, String what) {
            if (!cues.isEmpty()) {
                weight -= CONFLICT * cues.size();
                reasons.add(String.format(
                        Locale.ROOT, "reads like %s: %s (-%.1f each)", what, String.join(", ", cues), CONFLICT));
            }
        }

        double confidence() {
            return Math.max(0.50, Math.min(0.95, 1 / (1 + Math.exp(-weight))));
        }
    }

    static boolean businessAddress(@Nullable String email) {
        if (email == null || email.indexOf('@') < 0) {
            return false;
        }
        return !FREE_MAIL.contains(
                email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT));
    }

    static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}

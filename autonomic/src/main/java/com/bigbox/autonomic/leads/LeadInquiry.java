package com.bigbox.autonomic.leads;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.reasoning.Judgement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A lead inquiry as the intake path accepts it (CLI, HTTP, webhook): checked field by field, so a
 * malformed inquiry is refused with the field named and nothing is recorded.
 */
public record LeadInquiry(
        String name,
        String email,
        String phone,
        String company,
        BigDecimal budget,
        String message,
        String urgency,
        String source,
        String clientId) {
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final Pattern PHONE = Pattern.compile("^[+0-9 ().-]{6,30}$");
    static final Set<String> URGENCIES = Set.of("low", "normal", "medium", "high", "urgent");
    static final BigDecimal MAX_BUDGET = new BigDecimal("100000000");

    public LeadInquiry {
        name = required("name", name, 200);
        email = required("email", email, 320);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException(
                    "email", "email must be an address like name@example.com, was '" + email + "'");
        }
        phone = optional("phone", phone, 30);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException(
                    "phone", "phone may hold only digits, spaces, + ( ) . and -, 6 to 30 of them");
        }
        company = optional("company", company, 200);
        if (budget != null && (budget.signum() < 0 || budget.compareTo(MAX_BUDGET) > 0)) {
            throw new InvalidInputException("budget", "budget must be between 0 and " + MAX_BUDGET.toPlainString());
        }
        message = optional("message", message, 5000);
        urgency = optional("urgency", urgency, 20);
        if (urgency != null) {
            urgency = urgency.toLowerCase(Locale.ROOT);
            if (!URGENCIES.contains(urgency)) {
                throw new InvalidInputException(
                        "urgency", "urgency must be one of " + URGENCIES + ", was '" + urgency + "'");
            }
        }
        source = optional("source", source, 100);
        clientId = optional("client_id", clientId, 200);
    }

    /** How complete a lead is: the intake agent's confidence in the record, and what is missing. */
    public record Assessment(boolean complete, List<String> missing, double confidence, List<String> reasons)
            implements Judgement {
        public Assessment {
            missing = List.copyOf(missing);
            reasons = List.copyOf(reasons);
        }
    }

    public Assessment assess() {
        return assess(name, email, phone, company, budget, message, urgency);
    }

    // The seed: a complete inquiry (someone to answer, an address, what they want) is recorded at 0.95.
    public static Assessment assess(
            String name,
            String email,
            String phone,
            String company,
            BigDecimal budget,
            String message,
            String urgency) {
        var missing = new ArrayList<String>();
        if (name == null || name.isBlank()) {
            missing.add("name");
        }
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            missing.add("email");
        }
        if (message == null || message.isBlank()) {
            missing.add("message");
        }
        double confidence =
                missing.isEmpty() ? 0.95 : missing.contains("email") || missing.contains("name") ? 0.50 : 0.80;
        var reasons = new ArrayList<String>();
        reasons.add(
                missing.isEmpty()
                        ? "complete inquiry: name, email and message"
                        : "incomplete inquiry: missing " + missing);
        return new Assessment(missing.isEmpty(), missing, confidence, reasons);
    }

    /** The client a lead belongs to: its company, else its email, as a stable slug. */
    public static String clientIdFor(String company, String email) {
        String basis = company != null && !company.isBlank() ? company : email == null ? "unknown" : email;
        String slug =
                basis.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "client-" + (slug.isEmpty() ? "unknown" : slug.substring(0, Math.min(60, slug.length())));
    }

    private static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return v;
    }

    private static @Nullable String optional(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        return v;
    }
}

package com.bigbox.app.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One prospective client of the simulated agency: what really is (the {@link Truth}) and what the engine gets
 * to see of it, which is noisy (the lead's form, the meeting's notes, the project's plan, the payments).
 */
public record LeadCase(
        int number,
        String leadId,
        Instant arrival,
        Truth truth,
        Inquiry inquiry,
        Meeting meeting,
        Project project,
        Payments payments) {

    /**
     * What really is, against which every decision of the agents is judged.
     *
     * @param qualified whether the lead is worth a discovery meeting
     * @param service what the client really wants (brand_identity, campaign, event_activation, web)
     * @param budget what the client will really pay
     * @param relationshipAtRisk whether the client is really unhappy (a flagged relationship risk is real)
     * @param projectAtRisk whether the project will really slip
     * @param owesBalance whether a late payer really still owes (no transfer on its way)
     * @param acceptsFairQuote whether the client signs a quote within 25% of its budget
     * @param requestedItems what the client really asked for in the meeting (the notes may list more)
     * @param cancels whether the client, having signed, calls the project off before it starts
     */
    public record Truth(
            boolean qualified,
            String service,
            BigDecimal budget,
            boolean relationshipAtRisk,
            boolean projectAtRisk,
            boolean owesBalance,
            boolean acceptsFairQuote,
            List<String> requestedItems,
            boolean cancels) {
        public Truth {
            requestedItems = List.copyOf(requestedItems);
        }
    }

    /** The web form as the lead filled it in; better leads tend to say more, but not always. */
    public record Inquiry(
            String name,
            String email,
            String phone,
            String company,
            BigDecimal budget,
            String message,
            String urgency) {}

    /** The discovery meeting as the account manager writes it up. */
    public record Meeting(
            boolean attended,
            double sentiment,
            String statedService,
            BigDecimal statedBudget,
            Integer timelineWeeks,
            List<String> goals,
            List<String> actionItems) {}

    /** The project as it starts: its plan carries risk factors that only partly reflect the real risk. */
    public record Project(int timelineWeeks, int teamSize) {}

    /**
     * How the client pays, in calendar days after each invoice.
     *
     * @param depositPart the share of the deposit paid first (1 = all of it)
     * @param restDays when the rest of a partly paid deposit arrives, after the first part
     */
    public record Payments(int depositDays, double depositPart, int restDays, int balanceDays) {}
}

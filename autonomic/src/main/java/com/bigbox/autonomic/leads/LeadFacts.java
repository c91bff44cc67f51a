package com.bigbox.autonomic.leads;

import java.math.BigDecimal;

/** What is known of a lead when it is qualified. */
public record LeadFacts(
        String name, String email, String phone, String company, BigDecimal budget, String message, String urgency) {}

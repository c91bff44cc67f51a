package com.bigbox.autonomic.finance;

import com.bigbox.autonomic.reasoning.Judgement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** @param kind deposit or balance */
public record InvoicePlan(String kind, BigDecimal amount, Instant dueAt, double confidence, List<String> reasons)
        implements Judgement {
    public InvoicePlan {
        reasons = List.copyOf(reasons);
    }
}

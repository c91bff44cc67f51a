package com.bigbox.autonomic.finance;

import com.bigbox.autonomic.reasoning.Judgement;
import java.math.BigDecimal;
import java.util.List;

/** Where an invoice stands after a payment: settled, or a balance to remind the client of. */
public record PaymentAssessment(boolean settled, BigDecimal balance, double confidence, List<String> reasons)
        implements Judgement {
    public PaymentAssessment {
        reasons = List.copyOf(reasons);
    }
}

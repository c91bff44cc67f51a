package com.bigbox.autonomic.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invoicing and payments, case by case: the amount, due date or balance, the confidence and the reasons. */
class FinanceRulesTest {
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant DUE = Instant.parse("2026-03-16T10:00:00Z");

    static Stream<Arguments> invoices() {
        return Stream.of(
                Arguments.of(
                        "deposit",
                        "25000",
                        false,
                        "12500.00",
                        0.90,
                        List.of("deposit: 50% of 25000 (the accepted quote)", "due in 14 days")),
                Arguments.of(
                        "deposit",
                        "9999.99",
                        true,
                        "5000.00",
                        0.80,
                        List.of("deposit: 50% of 9999.99 (the project's budget, no quote)", "due in 14 days")),
                Arguments.of(
                        "balance",
                        "30000",
                        false,
                        "15000.00",
                        0.90,
                        List.of("balance: 50% of 30000 (the accepted quote)", "due in 14 days")));
    }

    @ParameterizedTest(name = "{0} of {1}, estimated {2}")
    @MethodSource("invoices")
    void anInvoiceIsHalfTheWorkDueInFourteenDays(
            String kind, String total, boolean estimated, String amount, double confidence, List<String> reasons) {
        InvoicePlan plan = new FinanceRules().invoice(kind, new BigDecimal(total), estimated, NOW);
        assertThat(plan.amount().toPlainString()).isEqualTo(amount);
        assertThat(plan).isEqualTo(new InvoicePlan(kind, plan.amount(), DUE, confidence, reasons));
    }

    static Stream<Arguments> payments() {
        return Stream.of(
                Arguments.of("0", "12500", true, "0", 0.95, List.of("paid 12500 of 12500.00")),
                Arguments.of(
                        "5000", "2500", false, "5000.00", 0.90, List.of("paid 7500 of 12500.00, 5000.00 outstanding")),
                Arguments.of("0", "13000", true, "0", 0.95, List.of("paid 13000 of 12500.00")));
    }

    @ParameterizedTest(name = "paid {0} before and {1} now")
    @MethodSource("payments")
    void aPaymentSettlesAnInvoiceOrLeavesABalance(
            String before, String now, boolean settled, String balance, double confidence, List<String> reasons) {
        var issued = new InvoiceEvent.Issued("c", "INV-1", "Q-1", "P-1", "deposit", new BigDecimal("12500.00"), DUE);
        PaymentAssessment a = new FinanceRules().payment(issued, new BigDecimal(before), new BigDecimal(now));
        assertThat(a.settled()).isEqualTo(settled);
        assertThat(a.balance().toPlainString()).isEqualTo(balance);
        assertThat(a.confidence()).isEqualTo(confidence);
        assertThat(a.reasons()).containsExactlyElementsOf(reasons);
    }
}

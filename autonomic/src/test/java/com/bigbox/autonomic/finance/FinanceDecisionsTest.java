package com.bigbox.autonomic.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.agents.Decided;
import com.bigbox.autonomic.agents.Triggers;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.autonomic.strategy.QuoteEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The finance decisions, case by case: a trigger and what the books say → the invoice or reminder, or nothing. */
class FinanceDecisionsTest {
    static final Instant DUE = Triggers.AT.plus(Duration.ofDays(14));
    static final String DEPOSIT = FinanceDecisions.invoiceId("Q-1", "deposit");
    static final String BALANCE = FinanceDecisions.invoiceId("Q-1", "balance");
    static final InvoiceEvent.Issued ISSUED_DEPOSIT =
            new InvoiceEvent.Issued("client-1", DEPOSIT, "Q-1", "P-1", "deposit", new BigDecimal("12500.00"), DUE);

    /** Books kept in a few maps. */
    record Ledger(Set<String> invoiced, Map<String, BigDecimal> quotes, Map<String, Books.Invoice> invoices)
            implements Books {
        static Ledger empty() {
            return new Ledger(Set.of(), Map.of(), Map.of());
        }

        @Override
        public boolean invoiced(String invoiceId) {
            return invoiced.contains(invoiceId);
        }

        @Override
        public Optional<BigDecimal> quoted(String quoteId) {
            return Optional.ofNullable(quotes.get(quoteId));
        }

        @Override
        public Invoice invoice(String invoiceId, UUID paymentEventId) {
            return invoices.getOrDefault(invoiceId, new Invoice(null, BigDecimal.ZERO));
        }
    }

    static Effective approved(String amount) {
        return Triggers.fact(
                StreamId.of("QUOTE", "Q-1"),
                new QuoteEvent.Approved(
                        "client-1", "Q-1", "P-1", amount == null ? null : new BigDecimal(amount), "client"));
    }

    static Effective paid(String amount) {
        return Triggers.fact(
                StreamId.of("INVOICE", DEPOSIT),
                new InvoiceEvent.PaymentReceived("client-1", DEPOSIT, new BigDecimal(amount)));
    }

    static Decided deposit(String amount, double confidence, String reason) {
        return new Decided(
                "INVOICE_ISSUED",
                "INVOICE/" + DEPOSIT,
                "financial",
                "issue_invoice",
                "Issue deposit invoice of " + amount,
                false,
                confidence,
                List.of(reason, "due in 14 days"));
    }

    static Stream<Arguments> cases() {
        var owing = new Ledger(Set.of(), Map.of(), Map.of(DEPOSIT, new Books.Invoice(ISSUED_DEPOSIT, BigDecimal.ZERO)));
        return Stream.of(
                Arguments.of(
                        "an accepted quote brings the deposit invoice",
                        approved("25000"),
                        Ledger.empty(),
                        List.of(deposit("12500.00", 0.90, "deposit: 50% of 25000 (the accepted quote)"))),
                Arguments.of(
                        "an acceptance without an amount is billed at the quote's",
                        approved(null),
                        new Ledger(Set.of(), Map.of("Q-1", new BigDecimal("30000")), Map.of()),
                        List.of(deposit("15000.00", 0.90, "deposit: 50% of 30000 (the accepted quote)"))),
                Arguments.of("no amount anywhere: nothing to bill", approved(null), Ledger.empty(), List.of()),
                Arguments.of(
                        "a deposit already raised is not raised again",
                        approved("25000"),
                        new Ledger(Set.of(DEPOSIT), Map.of(), Map.of()),
                        List.of()),
                Arguments.of(
                        "a part payment leaves a balance the client is reminded of",
                        paid("5000"),
                        owing,
                        List.of(new Decided(
                                "PAYMENT_REMINDER_SENT",
                                "INVOICE/" + DEPOSIT,
                                "client_communication",
                                "send_reminder",
                                "Remind the client of 7500.00 outstanding",
                                false,
                                0.90,
                                List.of("paid 5000 of 12500.00, 7500.00 outstanding")))),
                Arguments.of(
                        "a settled deposit brings the balance invoice",
                        paid("12500"),
                        owing,
                        List.of(new Decided(
                                "INVOICE_ISSUED",
                                "INVOICE/" + BALANCE,
                                "financial",
                                "issue_invoice",
                                "Issue balance invoice of 12500.00",
                                false,
                                0.90,
                                List.of("balance: 50% of 25000.00 (the accepted quote)", "due in 14 days")))),
                Arguments.of("a payment against no invoice decides nothing", paid("12500"), Ledger.empty(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String description, Effective trigger, Books books, List<Decided> expected) {
        assertThat(Decided.all(FinanceDecisions.decide(trigger, books, new FinanceRules(), Triggers.AT)))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aProjectStartedWithoutAQuoteIsBilledOnItsBudgetLessSurely() {
        var trigger = Triggers.fact(
                StreamId.of("PROJECT", "P-9"),
                new ProjectEvent.Started("client-1", "P-9", null, "web", new BigDecimal("20000"), 8, 3));
        var decisions = FinanceDecisions.decide(trigger, Ledger.empty(), new FinanceRules(), Triggers.AT);
        String invoiceId = FinanceDecisions.invoiceId("P-9", "deposit");
        assertThat(Decided.all(decisions))
                .containsExactly(new Decided(
                        "INVOICE_ISSUED",
                        "INVOICE/" + invoiceId,
                        "financial",
                        "issue_invoice",
                        "Issue deposit invoice of 10000.00",
                        false,
                        0.80,
                        List.of("deposit: 50% of 20000 (the project's budget, no quote)", "due in 14 days")));
        assertThat(decisions.getFirst().payload())
                .isEqualTo(new InvoiceEvent.Issued(
                        "client-1", invoiceId, null, "P-9", "deposit", new BigDecimal("10000.00"), DUE));
    }
}

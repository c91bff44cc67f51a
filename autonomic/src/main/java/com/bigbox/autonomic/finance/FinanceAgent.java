package com.bigbox.autonomic.finance;

import static com.bigbox.autonomic.events.EventTypes.INVOICE_ISSUED;
import static com.bigbox.autonomic.events.EventTypes.PAYMENT_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.PAYMENT_REMINDER_SENT;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_APPROVED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_GENERATED;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentContext;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.strategy.QuoteEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finance: an accepted quote (or a project started without one) is invoiced with a 50% deposit due in 14
 * days; a payment settles an invoice or leaves a balance the client is reminded of; a settled deposit
 * brings the balance invoice. Invoice ids are derived from what they bill, so a project's deposit is
 * raised once whichever event asks first. The adapter between the runtime and {@link FinanceDecisions}: it answers
 * their reads ({@link Books}) from the handler's transaction and emits what they decide.
 */
public final class FinanceAgent implements Agent {
    public static final String NAME = "FinanceAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "invoices accepted work and follows up payments",
            Set.of(QUOTE_APPROVED, PROJECT_STARTED, PAYMENT_RECEIVED),
            Set.of(INVOICE_ISSUED, PAYMENT_REMINDER_SENT),
            Set.of(),
            AgentSettings.defaults(0.85));

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        FinanceDecisions.decide(trigger, new LogBooks(context), FinanceReasoner.in(context.reasoner()), context.now())
                .forEach(context::emit);
    }

    /** The books as the handler's transaction reads them. */
    private record LogBooks(AgentContext context) implements Books {
        @Override
        public boolean invoiced(String invoiceId) {
            return context.exists(StreamId.of("INVOICE", invoiceId));
        }

        @Override
        public Optional<BigDecimal> quoted(String quoteId) {
            return context.readStream(StreamId.of("QUOTE", quoteId)).stream()
                    .filter(e -> e.type().equals(QUOTE_GENERATED))
                    .reduce((first, second) -> second)
                    .map(e -> EventCodec.decode(e, QuoteEvent.Generated.class).amount());
        }

        @Override
        public Invoice invoice(String invoiceId, UUID paymentEventId) {
            InvoiceEvent.Issued issued = null;
            BigDecimal paidBefore = BigDecimal.ZERO;
            for (RecordedEvent e : context.readStream(StreamId.of("INVOICE", invoiceId))) {
                if (e.eventId().equals(paymentEventId)) {
                    break;
                }
                if (e.type().equals(INVOICE_ISSUED)) {
                    issued = EventCodec.decode(e, InvoiceEvent.Issued.class);
                } else if (e.type().equals(PAYMENT_RECEIVED)) {
                    BigDecimal amount = EventCodec.decode(e, InvoiceEvent.PaymentReceived.class)
                            .amount();
                    paidBefore = paidBefore.add(amount == null ? BigDecimal.ZERO : amount);
                }
            }
            return new Invoice(issued, paidBefore);
        }
    }
}

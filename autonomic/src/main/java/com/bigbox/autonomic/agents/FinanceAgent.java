package com.bigbox.autonomic.agents;

import static com.bigbox.autonomic.events.EventTypes.INVOICE_ISSUED;
import static com.bigbox.autonomic.events.EventTypes.PAYMENT_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.PAYMENT_REMINDER_SENT;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_APPROVED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_GENERATED;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.finance.InvoiceEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.autonomic.reasoning.InvoicePlan;
import com.bigbox.autonomic.reasoning.PaymentAssessment;
import com.bigbox.autonomic.strategy.QuoteEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finance: an accepted quote (or a project started without one) is invoiced with a 50% deposit due in 14
 * days; a payment settles an invoice or leaves a balance the client is reminded of; a settled deposit
 * brings the balance invoice. Invoice ids are derived from what they bill, so a project's deposit is
 * raised once whichever event asks first.
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
        switch (trigger.type()) {
            case QUOTE_APPROVED -> quoteApproved(trigger, context);
            case PROJECT_STARTED -> projectStarted(trigger, context);
            case PAYMENT_RECEIVED -> paymentReceived(trigger, context);
            default -> {}
        }
    }

    public static String invoiceId(String billed, String kind) {
        return "INV-"
                + UUID.nameUUIDFromBytes((billed + "/" + kind).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .substring(0, 13);
    }

    private void quoteApproved(Effective trigger, AgentContext context) {
        QuoteEvent.Approved approved = trigger.payloadAs(QuoteEvent.Approved.class);
        String quoteId = approved.quoteId() != null
                ? approved.quoteId()
                : trigger.event().stream().id();
        BigDecimal total = approved.amount() != null
                ? approved.amount()
                : generatedAmount(context, quoteId).orElse(null);
        if (total == null) {
            return;
        }
        issue(trigger, context, quoteId, quoteId, approved.projectId(), "deposit", total, false);
    }

    private void projectStarted(Effective trigger, AgentContext context) {
        ProjectEvent.Started project = trigger.payloadAs(ProjectEvent.Started.class);
        String projectId = project.projectId() != null
                ? project.projectId()
                : trigger.event().stream().id();
        String billed = project.quoteId() != null ? project.quoteId() : projectId;
        if (project.budget() == null || project.budget().signum() <= 0) {
            return;
        }
        issue(
                trigger,
                context,
                billed,
                project.quoteId(),
                projectId,
                "deposit",
                project.budget(),
                project.quoteId() == null);
    }

    private void paymentReceived(Effective trigger, AgentContext context) {
        InvoiceEvent.PaymentReceived payment = trigger.payloadAs(InvoiceEvent.PaymentReceived.class);
        String invoiceId = payment.invoiceId() != null
                ? payment.invoiceId()
                : trigger.event().stream().id();
        StreamId stream = StreamId.of("INVOICE", invoiceId);
        InvoiceEvent.Issued issued = null;
        BigDecimal paidBefore = BigDecimal.ZERO;
        for (RecordedEvent e : context.readStream(stream)) {
            if (e.eventId().equals(trigger.event().eventId())) {
                break;
            }
            if (e.type().equals(INVOICE_ISSUED)) {
                issued = EventCodec.decode(e, InvoiceEvent.Issued.class);
            } else if (e.type().equals(PAYMENT_RECEIVED)) {
                BigDecimal amount =
                        EventCodec.decode(e, InvoiceEvent.PaymentReceived.class).amount();
                paidBefore = paidBefore.add(amount == null ? BigDecimal.ZERO : amount);
            }
        }
        if (issued == null || payment.amount() == null) {
            return;
        }
        PaymentAssessment assessment = context.reasoner().payment(issued, paidBefore, payment.amount());
        if (!assessment.settled()) {
            context.emit(Emission.of(
                            stream,
                            new InvoiceEvent.PaymentReminderSent(
                                    trigger.clientId(), invoiceId, assessment.balance(), issued.dueAt()),
                            assessment,
                            "client_communication",
                            "Remind the client of " + assessment.balance().toPlainString() + " outstanding")
                    .action("send_reminder"));
        } else if ("deposit".equals(issued.kind())) {
            String billed = issued.quoteId() != null ? issued.quoteId() : issued.projectId();
            issue(
                    trigger,
                    context,
                    billed,
                    issued.quoteId(),
                    issued.projectId(),
                    "balance",
                    issued.amount().multiply(BigDecimal.TWO),
                    false);
        }
    }

    private void issue(
            Effective trigger,
            AgentContext context,
            String billed,
            String quoteId,
            String projectId,
            String kind,
            BigDecimal total,
            boolean estimated) {
        String invoiceId = invoiceId(billed, kind);
        StreamId stream = StreamId.of("INVOICE", invoiceId);
        if (context.exists(stream)) {
            return;
        }
        InvoicePlan plan = context.reasoner().invoice(kind, total, estimated, context.now());
        context.emit(Emission.of(
                        stream,
                        new InvoiceEvent.Issued(
                                trigger.clientId(), invoiceId, quoteId, projectId, kind, plan.amount(), plan.dueAt()),
                        plan,
                        "financial",
                        "Issue " + kind + " invoice of " + plan.amount().toPlainString())
                .action("issue_invoice"));
    }

    private static Optional<BigDecimal> generatedAmount(AgentContext context, String quoteId) {
        return context.readStream(StreamId.of("QUOTE", quoteId)).stream()
                .filter(e -> e.type().equals(QUOTE_GENERATED))
                .reduce((first, second) -> second)
                .map(e -> EventCodec.decode(e, QuoteEvent.Generated.class).amount());
    }
}

package com.bigbox.autonomic.finance;

import static com.bigbox.autonomic.events.EventTypes.PAYMENT_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.PROJECT_STARTED;
import static com.bigbox.autonomic.events.EventTypes.QUOTE_APPROVED;

import com.bigbox.autonomic.agents.Emission;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.projects.ProjectEvent;
import com.bigbox.autonomic.strategy.QuoteEvent;
import com.bigbox.core.StreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The finance rules as a function of the trigger and what the {@link Books} say: an accepted quote (or a project
 * started without one) is invoiced with a deposit; a payment settles an invoice or leaves a balance the client is
 * reminded of; a settled deposit brings the balance invoice. Invoice ids are derived from what they bill, so a
 * project's deposit is raised once whichever event asks first. What to emit is returned; {@link FinanceAgent}
 * emits it.
 */
public final class FinanceDecisions {
    private FinanceDecisions() {}

    public static String invoiceId(String billed, String kind) {
        return "INV-"
                + UUID.nameUUIDFromBytes((billed + "/" + kind).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .substring(0, 13);
    }

    /** @param now business time, from which an invoice falls due */
    public static List<Emission> decide(Effective trigger, Books books, FinanceReasoner reasoner, Instant now) {
        var ask = new Ask(trigger, books, reasoner, now);
        return switch (trigger.type()) {
            case QUOTE_APPROVED -> quoteApproved(ask);
            case PROJECT_STARTED -> projectStarted(ask);
            case PAYMENT_RECEIVED -> paymentReceived(ask);
            default -> List.of();
        };
    }

    /** The inputs every rule here reads. */
    private record Ask(Effective trigger, Books books, FinanceReasoner reasoner, Instant now) {}

    private static List<Emission> quoteApproved(Ask ask) {
        QuoteEvent.Approved approved = ask.trigger().payloadAs(QuoteEvent.Approved.class);
        String quoteId = approved.quoteId() != null
                ? approved.quoteId()
                : ask.trigger().event().stream().id();
        BigDecimal total = approved.amount() != null
                ? approved.amount()
                : ask.books().quoted(quoteId).orElse(null);
        if (total == null) {
            return List.of();
        }
        return issue(ask, quoteId, quoteId, approved.projectId(), "deposit", total, false);
    }

    private static List<Emission> projectStarted(Ask ask) {
        ProjectEvent.Started project = ask.trigger().payloadAs(ProjectEvent.Started.class);
        String projectId = project.projectId() != null
                ? project.projectId()
                : ask.trigger().event().stream().id();
        String billed = project.quoteId() != null ? project.quoteId() : projectId;
        if (project.budget() == null || project.budget().signum() <= 0) {
            return List.of();
        }
        return issue(ask, billed, project.quoteId(), projectId, "deposit", project.budget(), project.quoteId() == null);
    }

    private static List<Emission> paymentReceived(Ask ask) {
        InvoiceEvent.PaymentReceived payment = ask.trigger().payloadAs(InvoiceEvent.PaymentReceived.class);
        String invoiceId = payment.invoiceId() != null
                ? payment.invoiceId()
                : ask.trigger().event().stream().id();
        Books.Invoice before =
                ask.books().invoice(invoiceId, ask.trigger().event().eventId());
        InvoiceEvent.Issued issued = before.issued();
        if (issued == null || payment.amount() == null) {
            return List.of();
        }
        PaymentAssessment assessment = ask.reasoner().payment(issued, before.paidBefore(), payment.amount());
        if (!assessment.settled()) {
            return List.of(Emission.of(
                            StreamId.of("INVOICE", invoiceId),
                            new InvoiceEvent.PaymentReminderSent(
                                    ask.trigger().clientId(), invoiceId, assessment.balance(), issued.dueAt()),
                            assessment,
                            "client_communication",
                            "Remind the client of " + assessment.balance().toPlainString() + " outstanding")
                    .action("send_reminder"));
        }
        if (!"deposit".equals(issued.kind())) {
            return List.of();
        }
        String billed = issued.quoteId() != null ? issued.quoteId() : issued.projectId();
        return issue(
                ask,
                billed,
                issued.quoteId(),
                issued.projectId(),
                "balance",
                issued.amount().multiply(BigDecimal.TWO),
                false);
    }

    private static List<Emission> issue(
            Ask ask,
            String billed,
            String quoteId,
            String projectId,
            String kind,
            BigDecimal total,
            boolean estimated) {
        String invoiceId = invoiceId(billed, kind);
        if (ask.books().invoiced(invoiceId)) {
            return List.of();
        }
        InvoicePlan plan = ask.reasoner().invoice(kind, total, estimated, ask.now());
        return List.of(Emission.of(
                        StreamId.of("INVOICE", invoiceId),
                        new InvoiceEvent.Issued(
                                ask.trigger().clientId(),
                                invoiceId,
                                quoteId,
                                projectId,
                                kind,
                                plan.amount(),
                                plan.dueAt()),
                        plan,
                        "financial",
                        "Issue " + kind + " invoice of " + plan.amount().toPlainString())
                .action("issue_invoice"));
    }
}

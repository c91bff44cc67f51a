package com.bigbox.app.commands;

import com.bigbox.app.engine.Settings;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.autonomic.leads.LeadIntake;
import com.bigbox.core.RecordedEvent;
import com.bigbox.postgres.EventStoreException;
import com.bigbox.postgres.approvals.FlowApprovals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Sends a lead inquiry through the intake path (the seed guide's "send a test lead inquiry"). */
@Command(
        name = "lead",
        mixinStandardHelpOptions = true,
        description =
                "Send a lead inquiry through the intake path: it is recorded as LEAD_INQUIRY_RECEIVED and a running "
                        + "engine's intake agent qualifies it.")
public final class LeadCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Option(names = "--name", required = true, description = "Who is asking.")
    String name;

    @Option(names = "--email", required = true, description = "Where to answer.")
    String email;

    @Option(names = "--company", description = "Their company.")
    String company;

    @Option(names = "--phone", description = "Their phone number.")
    String phone;

    @Option(names = "--budget", description = "Their budget.")
    BigDecimal budget;

    @Option(names = "--message", description = "What they want.")
    String message;

    @Option(names = "--urgency", description = "low, normal, medium, high or urgent.")
    String urgency;

    @Option(
            names = "--wait",
            defaultValue = "0",
            description = "Seconds to wait for a running engine to qualify the lead (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var inquiry = new LeadInquiry(name, email, phone, company, budget, message, urgency, "cli", null);
        try (OneShot db = OneShot.open(main.settings(), "lead")) {
            RecordedEvent recorded =
                    db.store().inTransaction(w -> new LeadIntake(Clock.systemUTC()).receive(w, inquiry));
            var out = spec.commandLine().getOut();
            out.printf(
                    "LEAD_INQUIRY_RECEIVED %s (lead %s, confidence %s, flow %s)%n",
                    recorded.eventId(), recorded.stream().id(), recorded.confidence(), recorded.correlationId());
            if (waitSeconds > 0) {
                awaitOutcome(db, recorded, Duration.ofSeconds(waitSeconds));
            }
        }
        return 0;
    }

    // Shows what the engine made of it: the qualification and whether it executed or waits for a person.
    private void awaitOutcome(OneShot db, RecordedEvent inquiry, Duration wait) throws InterruptedException {
        var out = spec.commandLine().getOut();
        long deadline = System.nanoTime() + wait.toNanos();
        int shown = 1;
        while (System.nanoTime() < deadline) {
            List<RecordedEvent> stream = db.store().readStream(inquiry.stream(), 1);
            for (RecordedEvent e : stream.subList(Math.min(shown, stream.size()), stream.size())) {
                out.printf("%-28s %s confidence %s%n", e.type(), e.emittedBy(), e.confidence());
            }
            shown = stream.size();
            if (stream.stream().anyMatch(e -> e.type().equals("AUTONOMIC_DECISION_EXECUTED"))) {
                out.println("The engine decided on its own: the lead goes on without waiting for anyone.");
                return;
            }
            Optional<String> approval = pendingApproval(db, inquiry.correlationId());
            if (approval.isPresent()) {
                out.println(approval.get());
                return;
            }
            Thread.sleep(250);
        }
        out.println(
                shown > 1
                        ? "(the engine answered but has not decided within " + wait.toSeconds()
                                + " s; see GET /api/v1/approvals)"
                        : "(no engine answered within " + wait.toSeconds()
                                + " s; the lead is stored, and 'bigbox up' picks it up when it starts)");
    }

    // A decision of this lead's flow waiting for a person: who must decide, and where.
    private static Optional<String> pendingApproval(OneShot db, java.util.UUID flow) {
        try {
            return new FlowApprovals(db.database().pool())
                    .firstPending(flow)
                    .map(a -> "The lead now waits for a person's approval (approval " + a.approvalId() + ", for the "
                            + a.assignedRole() + " role: " + a.recommendedAction()
                            + "). Decide it in the dashboard's Approvals page or "
                            + "with POST /api/v1/approvals/" + a.approvalId() + "/decision.");
        } catch (EventStoreException e) {
            throw new IllegalStateException("cannot read the lead's approvals: " + e.getMessage(), e);
        }
    }
}

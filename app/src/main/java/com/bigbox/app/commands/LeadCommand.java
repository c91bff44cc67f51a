package com.bigbox.app.commands;

import com.bigbox.app.engine.Settings;
import com.bigbox.autonomic.leads.LeadInquiry;
import com.bigbox.autonomic.leads.LeadIntake;
import com.bigbox.core.RecordedEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Sends a lead inquiry through the intake path (the seed guide's "send a test lead inquiry"). */
@Command(name = "lead", mixinStandardHelpOptions = true,
        description = "Send a lead inquiry through the intake path: it is recorded as LEAD_INQUIRY_RECEIVED and a running "
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

    @Option(names = "--wait", defaultValue = "0", description = "Seconds to wait for a running engine to qualify the lead (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var inquiry = new LeadInquiry(name, email, phone, company, budget, message, urgency, "cli", null);
        try (OneShot db = OneShot.open(main.settings(), "lead")) {
            RecordedEvent recorded = db.store().inTransaction(w -> new LeadIntake(Clock.systemUTC()).receive(w, inquiry));
            var out = spec.commandLine().getOut();
            out.printf("LEAD_INQUIRY_RECEIVED %s (lead %s, confidence %s, flow %s)%n", recorded.eventId(), recorded.stream().id(),
                    recorded.confidence(), recorded.correlationId());
            if (waitSeconds > 0) {
                awaitOutcome(db, recorded, Duration.ofSeconds(waitSeconds));
            }
        }
        return 0;
    }

    // Shows what the engine made of it: the qualification and whether it executed or waits for a person.
    private void awaitOutcome(OneShot db, RecordedEvent inquiry, Duration wait) throws InterruptedException {
        var out = spec.commandLine().getOut();
        if (!StreamFollower.follow(db, inquiry, wait,
                stream -> stream.stream().anyMatch(e -> e.type().equals("AUTONOMIC_DECISION_EXECUTED")), out)) {
            out.println("(no engine answered within " + wait.toSeconds() + " s; start one with 'bigbox up', or the lead waits for a person: GET /api/v1/approvals)");
        }
    }
}

package com.bigbox.app.commands;

import com.bigbox.app.engine.Settings;
import com.bigbox.autonomic.meetings.MeetingIntake;
import com.bigbox.core.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bigbox meeting --file notes.txt --client ACME}: a meeting's transcript or notes, for the meeting agent. */
@Command(
        name = "meeting",
        mixinStandardHelpOptions = true,
        description = {
            "Record a meeting from a transcript (lines like '[00:01:05] Anna (client): text', time and role",
            "optional) or free-form notes, as MEETING_COMPLETED; a running engine's meeting agent reads it."
        })
public final class MeetingCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Option(names = "--file", required = true, description = "The transcript or notes, UTF-8 text.")
    Path file;

    @Option(names = "--client", required = true, description = "The client the meeting was with.")
    String client;

    @Option(
            names = "--meeting-id",
            description = "The meeting's id (default: a new one; use a scheduled meeting's id to complete it).")
    String meetingId;

    @Option(
            names = "--date",
            description = "The day of the meeting, YYYY-MM-DD (default: today): 'by Friday' resolves from it.")
    LocalDate date;

    @Option(
            names = "--wait",
            defaultValue = "0",
            description = "Seconds to wait for a running engine's analysis (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        var submission = new MeetingIntake.Submission(client, meetingId, date, text, List.of(), null);
        try (OneShot db = OneShot.open(main.settings(), "meeting")) {
            RecordedEvent recorded =
                    db.store().inTransaction(w -> new MeetingIntake(Clock.systemUTC()).receive(w, submission));
            var out = spec.commandLine().getOut();
            out.printf(
                    "MEETING_COMPLETED %s (meeting %s, client %s)%n",
                    recorded.eventId(), recorded.stream().id(), client);
            if (waitSeconds > 0) {
                awaitAnalysis(db, recorded);
            }
        }
        return 0;
    }

    // Shows what the agent made of it, as the lead command does.
    private void awaitAnalysis(OneShot db, RecordedEvent meeting) throws InterruptedException {
        var out = spec.commandLine().getOut();
        if (!StreamFollower.follow(
                db,
                meeting,
                Duration.ofSeconds(waitSeconds),
                stream -> stream.stream().anyMatch(e -> e.type().equals("INTENT_INFERRED")),
                out)) {
            out.println("(no engine answered within " + waitSeconds + " s; start one with 'bigbox up')");
        }
    }
}

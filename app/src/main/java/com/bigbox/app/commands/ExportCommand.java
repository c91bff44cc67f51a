package com.bigbox.app.commands;

import com.bigbox.app.engine.DatabaseChoice;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.backup.EventExporter;
import com.bigbox.postgres.backup.ExportManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Writes the event log to compressed JSON Lines segments with a manifest; resumes an earlier export. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export events to gzip-compressed JSON Lines segments with a manifest (counts, position range, SHA-256 per file).",
            "Run again on the same directory to resume it: only events committed since are written, into new segments."
        })
public final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "DIR",
            description = "Directory of the export (created when missing).")
    Path to;

    @ArgGroup(exclusive = true)
    Selection selection = new Selection();

    static final class Selection {
        @Option(
                names = "--since",
                paramLabel = "TIME",
                converter = TimeOption.class,
                description =
                        "Only events whose timestamp is at or after TIME (ISO-8601, e.g. 2026-01-31T09:30:00Z, or a date).")
        Instant since;

        @Option(
                names = "--after",
                paramLabel = "POSITION",
                description =
                        "Only events after the one at this global_position (as the API's ?after= and SSE ids give it).")
        Long after;
    }

    @Option(
            names = "--segment-events",
            defaultValue = "100000",
            paramLabel = "N",
            description = "At most N events per segment file (default: ${DEFAULT-VALUE}).")
    int segmentEvents;

    @Override
    public Integer call() throws Exception {
        var request = new EventExporter.Request(selection.since, selection.after, segmentEvents);
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseChoice choice = DatabaseChoice.open(main.settings());
                Database database = new Database(choice.url(), 3, "bigbox-export")) {
            var exporter = new EventExporter(database.pool(), choice.url().display(), Clock.systemUTC());
            ProgressBar progress =
                    ProgressBar.onStandardError(spec.commandLine().getErr(), "exported");
            EventExporter.Result result = exporter.export(to, request, progress);
            progress.finish();
            ExportManifest manifest = result.manifest();
            if (result.events() == 0) {
                out.printf(
                        Locale.ROOT,
                        "Nothing new to export: %s holds %,d events in %d segment(s)%n",
                        to,
                        manifest.events(),
                        manifest.segments().size());
            } else {
                out.printf(
                        Locale.ROOT,
                        "%s %,d events in %d segment(s) to %s (source positions %s..%s) in %.1f s, %,d events/s; "
                                + "it now holds %,d events%n",
                        result.resumed() ? "Resumed: exported" : "Exported",
                        result.events(),
                        result.segments().size(),
                        to,
                        result.segments().getFirst().firstPosition(),
                        result.segments().getLast().lastPosition(),
                        progress.seconds(),
                        progress.eventsPerSecond(),
                        manifest.events());
            }
        }
        return 0;
    }
}

package com.bigbox.app.commands;

import com.bigbox.app.engine.DatabaseChoice;
import com.bigbox.app.engine.Settings;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.backup.EventImporter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Appends an export's events to the database, idempotently. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import an export: verify every segment's SHA-256 first, then append its events keeping their ids, streams,",
            "sequence numbers, timestamps, correlation and causation. Events already present are skipped: importing twice changes nothing.",
            "Projections are not rebuilt here: run `bigbox replay` afterwards."
        })
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "DIR",
            description = "Directory written by `bigbox export`.")
    Path from;

    @Override
    public Integer call() throws Exception {
        try (DatabaseChoice choice = DatabaseChoice.open(main.settings());
                Database database = new Database(choice.url(), 3, "bigbox-import")) {
            Migrations.apply(database.pool());
            ProgressBar progress =
                    ProgressBar.onStandardError(spec.commandLine().getErr(), "imported");
            EventImporter.Result result = new EventImporter(database.pool()).importFrom(from, progress);
            progress.finish();
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "Verified %d segment(s) in %s; imported %,d events, %,d already present, in %.1f s (%,d events/s); "
                                    + "%d subscription(s) continue where the source's stood%n",
                            result.segments(),
                            from,
                            result.imported(),
                            result.alreadyPresent(),
                            progress.seconds(),
                            progress.eventsPerSecond(),
                            result.checkpoints());
        }
        return 0;
    }
}

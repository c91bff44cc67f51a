package com.bigbox.app.commands;

import com.bigbox.autonomic.meetings.extraction.ActionItemTrainer;
import com.bigbox.autonomic.meetings.extraction.MeetingModelTraining;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bigbox train meetings DIR}: trains the meeting extractor's models from the development split. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train the models that ship in the jar.",
        subcommands = {TrainCommand.Meetings.class})
public final class TrainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "meetings",
            mixinStandardHelpOptions = true,
            description = {
                "Train the action-item classifier and the entity typer on the AMI meetings of DIR that are",
                "not held out (docs/meetings.md), choosing settings by cross-validation grouped by series."
            })
    static final class Meetings implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder of AMI meeting JSON files.")
        Path dir;

        @Option(
                names = "--out",
                defaultValue = "autonomic/src/main/resources/com/bigbox/autonomic/meetings/extraction",
                description = "Where to write the models (default: the autonomic module's resources).")
        Path out;

        @Override
        public Integer call() {
            PrintWriter log = spec.commandLine().getOut();
            MeetingModelTraining.run(dir, out, ActionItemTrainer.GRID, log);
            return 0;
        }
    }
}

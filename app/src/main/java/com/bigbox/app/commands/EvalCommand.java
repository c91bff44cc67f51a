package com.bigbox.app.commands;

import com.bigbox.app.engine.MeetingExtractors;
import com.bigbox.app.engine.Settings;
import com.bigbox.autonomic.meetings.extraction.AmiMeeting;
import com.bigbox.autonomic.meetings.extraction.MeetingEvalRun;
import com.bigbox.autonomic.meetings.extraction.MeetingExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bigbox eval meetings DIR}: how well the meeting extractor does on labelled meetings. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Measure an extractor on labelled data.",
        subcommands = {EvalCommand.Meetings.class})
public final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Settings.Source main;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "meetings",
            mixinStandardHelpOptions = true,
            description = {
                "Run the extractor on every *.json AMI meeting in DIR (it sees each act's speaker, role,",
                "times and text only) and print micro precision, recall and F1 of action items (per dialogue",
                "act) and entities (per meeting), each with a 95% bootstrap interval over meetings."
            })
    static final class Meetings implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder of AMI meeting JSON files.")
        Path dir;

        @Option(
                names = "--extractor",
                defaultValue = "default",
                description = "default or llm (BIGBOX_LLM_URL, BIGBOX_LLM_MODEL).")
        String extractor;

        @Option(names = "--json", description = "Print the figures as JSON.")
        boolean json;

        @Option(
                names = "--predictions",
                paramLabel = "FILE",
                description = "Write one JSON line of predictions per meeting.")
        Path predictions;

        @ParentCommand
        EvalCommand parent;

        @Override
        public Integer call() throws IOException {
            List<AmiMeeting> meetings = AmiMeeting.readAll(dir);
            MeetingExtractor chosen = MeetingExtractors.choose(extractor, parent.main.settings());
            MeetingEvalRun.Result result = MeetingEvalRun.run(meetings, chosen);
            if (predictions != null) {
                Files.write(predictions, result.predictionLines());
            }
            spec.commandLine()
                    .getOut()
                    .print(json ? MeetingEvalRun.json(result) + System.lineSeparator() : MeetingEvalRun.text(result));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

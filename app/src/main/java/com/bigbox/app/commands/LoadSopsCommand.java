package com.bigbox.app.commands;

import com.bigbox.app.engine.Settings;
import com.bigbox.autonomic.sop.SopFile;
import com.bigbox.autonomic.sop.SopLoader;
import com.bigbox.postgres.autonomic.PostgresAdapters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Loads SOP files: all are validated first; if any is invalid, none is loaded. */
@Command(
        name = "load-sops",
        mixinStandardHelpOptions = true,
        description =
                "Validate every SOP file (*.yaml, *.yml) in DIR against sops/schema/sop.schema.json and load them: "
                        + "unchanged SOPs are skipped, changed ones become a new version. If any file is invalid, nothing is loaded.")
public final class LoadSopsCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "sops",
            description = "Directory of SOP files (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(
            names = "--by",
            defaultValue = "${sys:user.name}",
            description = "Who loads them (recorded on the events; default: the OS user).")
    String loadedBy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<SopFile> files = read(directory);
        try (OneShot db = OneShot.open(main.settings(), "load-sops")) {
            var loader = PostgresAdapters.sopLoader(Clock.systemUTC());
            SopLoader.Report report = db.store().inTransaction(w -> loader.load(w, files, loadedBy));
            var out = spec.commandLine().getOut();
            for (SopLoader.Entry e : report.entries()) {
                out.printf("%-9s %-40s version %d  (%s)%n", e.outcome(), e.sopId(), e.version(), e.file());
            }
            out.printf(
                    "%s: %d loaded, %d updated, %d unchanged%n",
                    db.describe(), report.count("loaded"), report.count("updated"), report.count("unchanged"));
        }
        return 0;
    }

    static List<SopFile> read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no SOP directory " + directory.toAbsolutePath());
        }
        try (Stream<Path> paths = Files.list(directory)) {
            var files = new java.util.ArrayList<SopFile>();
            for (Path p : paths.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList()) {
                files.add(new SopFile(p.getFileName().toString(), Files.readString(p)));
            }
            return files;
        }
    }
}

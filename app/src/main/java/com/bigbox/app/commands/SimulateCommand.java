package com.bigbox.app.commands;

import com.bigbox.app.engine.Settings;
import com.bigbox.app.simulation.AgencySize;
import com.bigbox.app.simulation.Report;
import com.bigbox.app.simulation.ScratchDatabases;
import com.bigbox.app.simulation.Simulation;
import com.bigbox.app.simulation.SimulationRun;
import com.bigbox.app.simulation.SvgPlot;
import com.bigbox.autonomic.sop.SopFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Runs the seeded agency on an accelerated clock and prints the weekly figures (the 90-day benchmark). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a seeded agency (leads, meetings, quotes, projects, payments, people who decide by the truth) "
                + "through the real agents, approvals, SOP engine and control loops on an accelerated clock, each run on a "
                + "fresh scratch database, and print per week: automation rate, wrong autonomous decisions, approvals per day, "
                + "CEO interrupts, SOP cycle times and cost, and the agents' thresholds. Progress goes to stderr.")
public final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    Settings.Source main;

    @Option(names = "--days", defaultValue = "90", description = "Days to simulate, 1 to 365 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "The same seed gives the same figures (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--loops", defaultValue = "on", description = "on, off, or both (off then on, same seed) (default: ${DEFAULT-VALUE}).")
    String loops;

    @Option(names = "--leads-per-day", defaultValue = "5", description = "About how many leads arrive a business day, 1 to 50 "
            + "(default: ${DEFAULT-VALUE}).")
    int leadsPerDay;

    @Option(names = "--plot", description = "Write the weekly curves of every run to this SVG file.")
    Path plot;

    @Option(names = "--database-url", description = "A server to create the scratch databases on (default: DATABASE_URL's "
            + "server, else an embedded PostgreSQL).")
    String databaseUrl;

    @Option(names = "--sops", defaultValue = "sops", description = "Directory of the SOPs to load (default: ${DEFAULT-VALUE}).")
    Path sops;

    @Option(names = "--keep", description = "Keep the scratch databases (their names are printed) instead of dropping them; "
            + "with the embedded server, its data directory stays where the log says.")
    boolean keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Boolean> modes = switch (loops.toLowerCase(Locale.ROOT)) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            case "both" -> List.of(false, true);
            default -> throw new IllegalArgumentException("--loops must be on, off or both, was '" + loops + "'");
        };
        var size = new AgencySize(leadsPerDay);
        new Simulation.Options(days, seed, true, size); // validates --days before anything starts
        if (plot != null && plot.getParent() != null && !Files.isDirectory(plot.getParent())) {
            throw new IllegalArgumentException("--plot: no directory " + plot.getParent());
        }
        List<SopFile> sopFiles = LoadSopsCommand.read(sops);
        quietEngineLogs();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var runs = new ArrayList<SimulationRun>();
        Path work = Files.createTempDirectory("bigbox-simulate-");
        try (ScratchDatabases server = server(work)) {
            runAll(server, work, modes, size, sopFiles, runs, err);
        } finally {
            if (!keep) {
                deleteQuietly(work); // engine homes and, when embedded, the scratch server's data
            }
        }
        Report.print(out, runs);
        if (plot != null) {
            Files.writeString(plot, SvgPlot.render(runs));
            out.println("plot: " + plot.toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    private void runAll(ScratchDatabases server, Path work, List<Boolean> modes, AgencySize size, List<SopFile> sopFiles,
            List<SimulationRun> runs, PrintWriter err) throws java.io.IOException {
        for (boolean on : modes) {
            String name = String.format(Locale.ROOT, "bigbox_sim_%d_%s_%d", Math.abs(seed), on ? "on" : "off", ProcessHandle.current().pid());
            String url = server.create(name);
            try {
                var options = new Simulation.Options(days, seed, on, size);
                runs.add(Simulation.run(options, url, work.resolve(name), sopFiles, (day, of) -> {
                    err.printf("\rloops %-3s day %d/%d", on ? "on" : "off", day, of);
                    err.flush();
                }));
                err.println();
            } finally {
                if (keep) {
                    err.println("kept scratch database " + server.urlOf(name).replaceAll("password=[^&]*", "password=***"));
                } else {
                    server.drop(name);
                }
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a temporary directory left behind is not worth failing a finished run for
        }
    }

    private ScratchDatabases server(Path work) throws java.io.IOException {
        Optional<String> url = Optional.ofNullable(databaseUrl).or(() -> main.settings().get("DATABASE_URL"));
        return url.isPresent() ? ScratchDatabases.on(url.get()) : ScratchDatabases.embedded(work);
    }

    // The engine logs every lead and decision at INFO; a simulation makes thousands of them, and stdout is the report.
    private static void quietEngineLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLoggerList().stream().filter(l -> l.getName().startsWith("com.bigbox"))
                    .forEach(l -> l.setLevel(ch.qos.logback.classic.Level.WARN));
        }
    }
}
